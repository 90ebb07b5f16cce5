package io.leadhub.persistence;

import io.leadhub.canonical.CanonicalLead;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One lead to save: who sent it, the canonical lead and the payload as received. {@code id} is the id the lead
 * gets if this write creates it; an update keeps the stored lead's id. {@code receivedAt} is when the delivery
 * reached the hub, not when it is written: a retried or parked delivery keeps its arrival time, so a newer
 * delivery of the same lead that was stored first keeps its values (save-leads.sql).
 */
public record LeadWrite(UUID id, UUID tenantId, String source, CanonicalLead lead, String rawJson,
        Instant receivedAt) {

    public LeadWrite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rawJson, "rawJson");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static LeadWrite of(UUID tenantId, String source, CanonicalLead lead, String rawJson, Instant receivedAt) {
        return new LeadWrite(RowIds.next(), tenantId, source, lead, rawJson, receivedAt);
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
