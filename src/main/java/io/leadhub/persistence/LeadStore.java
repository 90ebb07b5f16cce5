package io.leadhub.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.canonical.Address;
import io.leadhub.canonical.Attribution;
import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Compliance;
import io.leadhub.canonical.Contact;
import io.leadhub.canonical.Workflow;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes leads. The upsert and its history event commit together or not at all; later event consumers
 * (the webhook outbox) join this same transaction.
 */
@Repository
public class LeadStore {

    private static final String UPSERT_LEAD = SqlFiles.load("upsert-lead.sql");
    private static final String INSERT_EVENT = SqlFiles.load("insert-lead-event.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final String lockTimeout;

    public LeadStore(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper,
            @Value("${hub.intake.lock-timeout-ms:2000}") int lockTimeoutMillis) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        // An integer from configuration, never request data; SET does not take bind parameters.
        this.lockTimeout = "SET LOCAL lock_timeout = '" + lockTimeoutMillis + "ms'";
    }

    /**
     * Creates the lead, or updates the one with the same tenant, source and external id. Concurrent requests
     * for the same external id are serialized by the unique index, so exactly one of them creates it.
     */
    @Transactional
    public SavedLead save(UUID tenantId, String source, CanonicalLead lead, Object rawPayload) {
        // A request never waits long behind a lock: it fails fast as a transient error, is retried, and
        // at worst is parked in the intake inbox.
        jdbc.getJdbcTemplate().execute(lockTimeout);
        SavedLead saved = jdbc.queryForObject(UPSERT_LEAD, leadParameters(tenantId, source, lead, rawPayload),
                (rs, n) -> new SavedLead(
                        rs.getObject("id", UUID.class),
                        rs.getBoolean("created"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("modified_at").toInstant()));
        CanonicalLead stored = lead.withIdentity(saved.id(), tenantId, source, saved.createdAt(), saved.modifiedAt());
        jdbc.update(INSERT_EVENT, new MapSqlParameterSource()
                .addValue("leadId", saved.id())
                .addValue("tenantId", tenantId)
                .addValue("type", saved.created() ? "lead.created" : "lead.updated")
                .addValue("source", source)
                .addValue("payload", json(stored)));
        return saved;
    }

    private MapSqlParameterSource leadParameters(UUID tenantId, String source, CanonicalLead lead, Object raw) {
        Contact contact = lead.contact();
        Address address = lead.address();
        Attribution attribution = lead.attribution();
        Compliance compliance = lead.compliance();
        Workflow workflow = lead.workflow();
        return new MapSqlParameterSource()
                .addValue("id", UUID.randomUUID())
                .addValue("tenantId", tenantId)
                .addValue("source", source)
                .addValue("externalId", lead.externalId())
                .addValue("firstName", contact.firstName())
                .addValue("lastName", contact.lastName())
                .addValue("fullName", contact.fullName())
                .addValue("email", contact.email())
                .addValue("phone", contact.phone())
                .addValue("phoneOriginal", contact.phoneOriginal())
                .addValue("phoneType", contact.phoneType())
                .addValue("dateOfBirth", lead.dateOfBirth())
                .addValue("gender", lead.gender())
                .addValue("addressLine1", address.line1())
                .addValue("addressLine2", address.line2())
                .addValue("city", address.city())
                .addValue("state", address.state())
                .addValue("postalCode", address.postalCode())
                .addValue("country", address.country())
                .addValue("utmSource", attribution.utmSource())
                .addValue("utmMedium", attribution.utmMedium())
                .addValue("utmCampaign", attribution.utmCampaign())
                .addValue("utmTerm", attribution.utmTerm())
                .addValue("utmContent", attribution.utmContent())
                .addValue("referrer", attribution.referrer())
                .addValue("landingPage", attribution.landingPage())
                .addValue("subId", attribution.subId())
                .addValue("pubId", attribution.pubId())
                .addValue("sellerLeadId", attribution.sellerLeadId())
                .addValue("price", attribution.price())
                .addValue("directPostPrice", attribution.directPostPrice())
                .addValue("trustedFormUrl", compliance.trustedFormUrl())
                .addValue("ipAddress", compliance.ipAddress())
                .addValue("userAgent", compliance.userAgent())
                .addValue("entity", workflow.entity())
                .addValue("statuses", json(workflow.statuses()))
                .addValue("assignee", workflow.assignee())
                .addValue("viewers", json(workflow.viewers()))
                .addValue("notes", json(workflow.notes()))
                .addValue("tags", json(workflow.tags()))
                .addValue("practiceArea", workflow.practiceArea())
                .addValue("custom", json(lead.custom()))
                .addValue("raw", json(raw));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be stored as JSON", e);
        }
    }
}
