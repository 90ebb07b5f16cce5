package io.leadhub.persistence;

import io.leadhub.canonical.CanonicalLead;
import java.util.Objects;
import java.util.UUID;

/**
 * One lead to save: who sent it, the canonical lead and the payload as received. {@code id} is the id the lead
 * gets if this write creates it; an update keeps the stored lead's id.
 */
public record LeadWrite(UUID id, UUID tenantId, String source, CanonicalLead lead, String rawJson) {

    public LeadWrite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    public static LeadWrite of(UUID tenantId, String source, CanonicalLead lead, String rawJson) {
        return new LeadWrite(UUID.randomUUID(), tenantId, source, lead, rawJson);
    }

    /**
     * What the dedup index says makes two writes the same lead; writes without an external id are always new.
     * Two writes with one key never share a statement (ON CONFLICT may touch a row only once per statement).
     */
    public Object dedupKey() {
        return lead.externalId() == null ? id : new ExternalKey(tenantId, source, lead.externalId());
    }

    record ExternalKey(UUID tenantId, String source, String externalId) {
    }
}
