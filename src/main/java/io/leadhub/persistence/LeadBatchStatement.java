package io.leadhub.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.canonical.Address;
import io.leadhub.canonical.Attribution;
import io.leadhub.canonical.Compliance;
import io.leadhub.canonical.Contact;
import io.leadhub.canonical.Workflow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Runs save-leads.sql: any number of leads, each upserted with its history event, in one statement and so in
 * one transaction. The leads travel as one JSON array parameter, read back by jsonb_to_recordset, so a batch of
 * 1 and a batch of 50 are the same prepared statement.
 */
@Component
public class LeadBatchStatement {

    private static final String SAVE_LEADS = SqlFiles.load("save-leads.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;

    /**
     * @param timeout longest one statement may run ({@code hub.intake.write-timeout}). A group commit has one
     *                writer per instance, so a statement that hangs (a stalled disk, a half-open connection)
     *                would hold up every lead behind it; cancelled, it fails as a transient error instead
     *                (SQLState 57014), and its leads are retried and, at worst, parked.
     */
    @Autowired
    public LeadBatchStatement(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper,
            @Value("${hub.intake.write-timeout:10s}") Duration timeout) {
        JdbcTemplate bounded = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        bounded.setExceptionTranslator(withoutStatementText(jdbc.getJdbcTemplate().getExceptionTranslator()));
        bounded.setQueryTimeout(Math.toIntExact(Math.max(1, timeout.toSeconds())));
        this.jdbc = new NamedParameterJdbcTemplate(bounded);
        this.mapper = mapper;
    }

    /**
     * Spring's translation, without the statement in the message: Spring writes the SQL into every exception's
     * message, and this statement is some 5 KB, logged with every retry of a lead (a lock timeout gave 12 KB WARN
     * lines). The SQLState, which decides what is transient, stays on the cause.
     */
    private static SQLExceptionTranslator withoutStatementText(SQLExceptionTranslator translator) {
        return (task, sql, failure) -> {
            DataAccessException translated = translator.translate(task, null, failure);
            return translated != null ? translated : new UncategorizedSQLException(task, null, failure);
        };
    }

    /**
     * Saves every write and returns what each did, in the order given. A lock that cannot be had within the
     * connection's lock_timeout fails the whole statement as a transient error (see TransientDatabaseFailures).
     *
     * @throws IllegalArgumentException if two writes have the same dedup key
     */
    public List<SavedLead> execute(List<LeadWrite> writes) {
        return executeRows(writes.stream().map(this::row).toList());
    }

    /**
     * A write as its element of the statement's JSON array. Built by the thread that makes the write, so a
     * group commit's writer thread only joins strings and talks to the database.
     */
    public LeadRow row(LeadWrite write) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            writeLead(json, write);
        } catch (IOException e) {
            throw new UncheckedIOException("A lead could not be written as JSON", e);
        }
        return new LeadRow(write, out.toString());
    }

    /** As {@link #execute}, for writes already turned into rows. */
    public List<SavedLead> executeRows(List<LeadRow> rows) {
        Set<Object> keys = new HashSet<>();
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (LeadRow row : rows) {
            if (!keys.add(row.write().dedupKey())) {
                throw new IllegalArgumentException("Two writes of one lead in one statement: "
                        + row.write().dedupKey());
            }
            array.add(row.json());
        }
        Map<Object, SavedLead> saved = new HashMap<>();
        jdbc.query(SAVE_LEADS, new MapSqlParameterSource("leads", array.toString()), rs -> {
            String externalId = rs.getString("external_id");
            UUID id = rs.getObject("id", UUID.class);
            Object key = externalId == null ? id : new LeadWrite.ExternalKey(
                    rs.getObject("tenant_id", UUID.class), rs.getString("source"), externalId);
            saved.put(key, new SavedLead(id, rs.getBoolean("created"),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant()));
        });
        List<SavedLead> results = new ArrayList<>(rows.size());
        for (LeadRow row : rows) {
            SavedLead result = saved.get(row.write().dedupKey());
            if (result == null) {
                throw new IllegalStateException("The database returned no row for " + row.write().dedupKey());
            }
            results.add(result);
        }
        return results;
    }

    private void writeLead(JsonGenerator json, LeadWrite write) throws IOException {
        var lead = write.lead();
        Contact contact = lead.contact();
        Address address = lead.address();
        Attribution attribution = lead.attribution();
        Compliance compliance = lead.compliance();
        Workflow workflow = lead.workflow();
        json.writeStartObject();
        json.writeStringField("id", write.id().toString());
        json.writeStringField("tenant_id", write.tenantId().toString());
        json.writeStringField("source", write.source());
        text(json, "external_id", lead.externalId());
        text(json, "first_name", contact.firstName());
        text(json, "last_name", contact.lastName());
        text(json, "full_name", contact.fullName());
        text(json, "email", contact.email());
        text(json, "phone", contact.phone());
        text(json, "phone_original", contact.phoneOriginal());
        text(json, "phone_type", contact.phoneType());
        value(json, "date_of_birth", lead.dateOfBirth());
        text(json, "gender", lead.gender());
        text(json, "address_line1", address.line1());
        text(json, "address_line2", address.line2());
        text(json, "city", address.city());
        text(json, "state", address.state());
        text(json, "postal_code", address.postalCode());
        text(json, "country", address.country());
        text(json, "utm_source", attribution.utmSource());
        text(json, "utm_medium", attribution.utmMedium());
        text(json, "utm_campaign", attribution.utmCampaign());
        text(json, "utm_term", attribution.utmTerm());
        text(json, "utm_content", attribution.utmContent());
        text(json, "referrer", attribution.referrer());
        text(json, "landing_page", attribution.landingPage());
        text(json, "sub_id", attribution.subId());
        text(json, "pub_id", attribution.pubId());
        text(json, "seller_lead_id", attribution.sellerLeadId());
        value(json, "price", attribution.price());
        value(json, "direct_post_price", attribution.directPostPrice());
        text(json, "trusted_form_url", compliance.trustedFormUrl());
        text(json, "ip_address", compliance.ipAddress());
        text(json, "user_agent", compliance.userAgent());
        text(json, "entity", workflow.entity());
        text(json, "assignee", workflow.assignee());
        text(json, "practice_area", workflow.practiceArea());
        // jsonb columns are NOT NULL: empty collections are written, never left out.
        value(json, "statuses", workflow.statuses());
        value(json, "viewers", workflow.viewers());
        value(json, "notes", workflow.notes());
        value(json, "tags", workflow.tags());
        value(json, "custom", lead.custom());
        // Stored as sent: the body was already checked to be one JSON object, so it is embedded, not re-encoded.
        // The lead's event keeps this same copy (save-leads.sql), so it travels and is parsed once.
        json.writeFieldName("raw");
        json.writeRawValue(write.rawJson());
        json.writeStringField("received_at", write.receivedAt().toString());
        json.writeEndObject();
    }

    /** A write and its element of the statement's JSON array. */
    public record LeadRow(LeadWrite write, String json) {
    }

    private static void text(JsonGenerator json, String column, String value) throws IOException {
        if (value != null) {
            json.writeStringField(column, value);
        }
    }

    private void value(JsonGenerator json, String column, Object value) throws IOException {
        if (value != null) {
            json.writeFieldName(column);
            mapper.writeValue(json, value);
        }
    }
}
