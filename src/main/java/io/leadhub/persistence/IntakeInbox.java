package io.leadhub.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The parking place for valid leads the database could not take at the time (see V2__intake_inbox.sql).
 * Claims use FOR UPDATE SKIP LOCKED, so any number of hub instances can replay it without doing a row twice.
 */
@Repository
public class IntakeInbox {

    private static final String PARK = SqlFiles.load("inbox-park.sql");
    private static final String CLAIM_DUE = SqlFiles.load("inbox-claim-due.sql");
    private static final String MARK_PROCESSED = SqlFiles.load("inbox-mark-processed.sql");
    private static final String MARK_RETRY = SqlFiles.load("inbox-mark-retry.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public IntakeInbox(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * @param receivedAt when the lead reached the hub, kept so that its replay, however late, does not overwrite
     *                   what a newer delivery of the same lead said
     */
    public UUID park(UUID tenantId, String source, String mapping, String payloadJson, Instant receivedAt) {
        UUID id = RowIds.next();
        jdbc.update(PARK, new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("tenantId", tenantId)
                .addValue("source", source)
                .addValue("mapping", mapping)
                .addValue("payload", payloadJson)
                .addValue("receivedAt", receivedAt.atOffset(ZoneOffset.UTC)));
        return id;
    }

    /**
     * Locks the due entry that arrived first for the caller's transaction; empty when nothing is due or all are
     * taken.
     */
    public Optional<ParkedLead> claimNextDue() {
        List<ParkedLead> rows = jdbc.query(CLAIM_DUE, Map.of(), (rs, n) -> new ParkedLead(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("source"),
                rs.getString("mapping"),
                payload(rs.getString("payload")),
                rs.getString("payload"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts")));
        return rows.stream().findFirst();
    }

    public void markProcessed(UUID id, UUID leadId) {
        jdbc.update(MARK_PROCESSED, Map.of("id", id, "leadId", leadId));
    }

    /** Records a failed replay: retried later with back-off, or given up on when permanent or exhausted. */
    public void markRetry(UUID id, String error, boolean permanent, int maxAttempts, long backoffMillis) {
        jdbc.update(MARK_RETRY, new MapSqlParameterSource()
                .addValue("backoffMillis", backoffMillis)
                .addValue("id", id)
                .addValue("error", error)
                .addValue("permanent", permanent)
                .addValue("maxAttempts", maxAttempts));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> payload(String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Parked payload is not JSON", e);
        }
    }

    /** A parked lead as it was received. */
    public record ParkedLead(UUID id, UUID tenantId, String source, String mapping, Map<String, Object> payload,
            String payloadJson, Instant receivedAt, int attempts) {
    }
}
