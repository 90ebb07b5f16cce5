package io.leadhub.persistence;

import java.time.Instant;
import java.util.UUID;

/** What a lead write did: the lead's id, whether this request created it, and its timestamps. */
public record SavedLead(UUID id, boolean created, Instant createdAt, Instant modifiedAt) {
}
