/**
 * The canonical read API ({@code GET /v1/leads}, {@code GET /v1/leads/{id}}) for a tenant's API key. Depends on
 * canonical, persistence (reads), security (tenant authentication) and http (responses, error policy).
 */
package io.leadhub.api;
