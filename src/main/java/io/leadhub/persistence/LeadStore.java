package io.leadhub.persistence;

import io.leadhub.canonical.CanonicalLead;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes leads. The upsert and its history event are one SQL statement (save-leads.sql), so they commit together
 * or not at all whether or not a transaction is open. Outside a transaction concurrent writes are grouped into
 * shared statements by {@link LeadGroupCommit}; inside one (the inbox replay) the write runs on the caller's
 * connection so it joins that transaction, and nobody else's lead ever does.
 */
@Component
public class LeadStore {

    private final LeadGroupCommit groupCommit;

    public LeadStore(LeadGroupCommit groupCommit) {
        this.groupCommit = groupCommit;
    }

    /**
     * Creates the lead, or updates the one with the same tenant, source and external id. Concurrent requests
     * for the same external id are serialized by the unique index, so exactly one of them creates it.
     *
     * @param receivedAt when the delivery reached the hub; an update received before the lead's newest delivery
     *                   only fills what the lead lacks
     */
    public SavedLead save(UUID tenantId, String source, CanonicalLead lead, String rawJson, Instant receivedAt) {
        // A request never waits long behind a lock (lock_timeout is set on every connection, see application.yml):
        // it fails fast as a transient error, is retried, and at worst is parked in the intake inbox.
        return groupCommit.save(LeadWrite.of(tenantId, source, lead, rawJson, receivedAt));
    }
}
