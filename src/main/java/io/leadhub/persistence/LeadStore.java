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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes leads. The upsert and its history event are one SQL statement (save-lead.sql), so they commit together
 * or not at all whether or not a transaction is open: inside one (the inbox replay) the statement joins it,
 * outside one it is its own. One statement instead of BEGIN, two inserts and COMMIT is also three fewer
 * round trips on the hottest path of the hub.
 */
@Repository
public class LeadStore {

    private static final String SAVE_LEAD = SqlFiles.load("save-lead.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public LeadStore(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * Creates the lead, or updates the one with the same tenant, source and external id. Concurrent requests
     * for the same external id are serialized by the unique index, so exactly one of them creates it.
     */
    public SavedLead save(UUID tenantId, String source, CanonicalLead lead, String rawJson) {
        // A request never waits long behind a lock (lock_timeout is set on every connection, see application.yml):
        // it fails fast as a transient error, is retried, and at worst is parked in the intake inbox.
        return jdbc.queryForObject(SAVE_LEAD, leadParameters(tenantId, source, lead, rawJson),
                (rs, n) -> new SavedLead(
                        rs.getObject("id", UUID.class),
                        rs.getBoolean("created"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("modified_at").toInstant()));
    }

    private MapSqlParameterSource leadParameters(UUID tenantId, String source, CanonicalLead lead, String rawJson) {
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
                .addValue("statuses", workflow.statuses().isEmpty() ? "{}" : json(workflow.statuses()))
                .addValue("assignee", workflow.assignee())
                .addValue("viewers", jsonArray(workflow.viewers()))
                .addValue("notes", jsonArray(workflow.notes()))
                .addValue("tags", jsonArray(workflow.tags()))
                .addValue("practiceArea", workflow.practiceArea())
                .addValue("custom", json(lead.custom()))
                .addValue("raw", rawJson)
                // The event records what this delivery said; the lead's id and time are the event row's own.
                .addValue("eventPayload", json(lead));
    }

    private String jsonArray(java.util.List<?> values) {
        return values.isEmpty() ? "[]" : json(values);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be stored as JSON", e);
        }
    }
}
