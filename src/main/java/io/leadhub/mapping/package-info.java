/**
 * Mapping files: one YAML file per source dialect that says which incoming keys become which canonical fields,
 * and the machinery that applies it ({@link io.leadhub.mapping.MappingRegistry},
 * {@link io.leadhub.mapping.LeadMapping}).
 *
 * <p>Depends only on {@code io.leadhub.canonical}, Jackson (to read YAML), libphonenumber (E.164) and the dashjoin
 * JSONata engine (expressions). No Camel and no Spring here: routes and configuration call into this package, never
 * the other way round, so mappings can be tested and documented without starting anything.
 *
 * <p>Everything that reads a mapping file is eager: a broken file fails at load time, naming the file and the problem,
 * never on the first lead that happens to reach the broken rule.
 */
package io.leadhub.mapping;
