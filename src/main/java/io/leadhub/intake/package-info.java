/**
 * The shared intake pipeline: the {@code lead-source} route template that YAML files in routes/ instantiate,
 * and {@code direct:intake} (authenticate, parse, map, validate, persist, respond) with its error policy.
 * Depends on canonical, mapping, security, persistence and http; dialect differences live in route
 * parameters, mapping files and the small responders in {@code intake.respond}.
 */
package io.leadhub.intake;
