/**
 * Tenant administration shaped like IntakeQ's Partner API: {@code /api/partner/practice} creates, lists,
 * updates and soft-deletes practices (the hub's tenants), hands out each practice's API key and rotates it.
 * Callers authenticate with the partner admin key in {@code X-Auth-Key}.
 *
 * <p>Here live the Camel routes, their error policy, the request parser, the {@link io.leadhub.admin.Practice}
 * shapes in the seed document's field names, and {@link io.leadhub.admin.PracticeStore}, whose every change is
 * one transaction and whose uniqueness rules are the database's unique indexes. Depends on canonical (the
 * email limit), http, security and persistence ({@code SqlFiles}); nothing depends on this package.
 */
package io.leadhub.admin;
