package io.leadhub.security;

import java.util.UUID;

/** What a live API key resolves to: its tenant, and whether that tenant is disabled. */
record TenantKey(UUID tenantId, boolean disabled) {
}
