package io.leadhub.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leadhub.canonical.Address;
import io.leadhub.canonical.Attribution;
import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Compliance;
import io.leadhub.canonical.Contact;
import io.leadhub.canonical.Workflow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** Reads canonical leads, always within one tenant: another tenant's lead simply does not exist here. */
@Repository
public class LeadReader {

    private static final String BY_ID = SqlFiles.load("lead-by-id.sql");
    private static final String PAGE = SqlFiles.load("lead-page.sql");

    private static final TypeReference<Map<String, String>> STATUSES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Workflow.Note>> NOTES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectReader reader;

    public LeadReader(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        // Decimals as stored: as doubles, 1e-400 would read back as 0 and 0.1000000000000000055 as 0.1.
        this.reader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Optional<CanonicalLead> find(UUID tenantId, UUID id) {
        return jdbc.query(BY_ID, Map.of("tenantId", tenantId, "id", id), this::lead).stream().findFirst();
    }

    /** Up to {@code limit} leads matching the filter, newest first, strictly after {@code after} when given. */
    public List<CanonicalLead> page(UUID tenantId, LeadFilter filter, PagePosition after, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", tenantId)
                .addValue("source", filter.source())
                .addValue("email", filter.email())
                .addValue("externalId", filter.externalId())
                .addValue("updatedSince", offset(filter.updatedSince()))
                .addValue("afterCreatedAt", after == null ? null : offset(after.createdAt()))
                .addValue("afterId", after == null ? null : after.id())
                .addValue("limit", limit);
        return jdbc.query(PAGE, parameters, this::lead);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private CanonicalLead lead(ResultSet rs, int row) throws SQLException {
        Contact contact = new Contact(rs.getString("first_name"), rs.getString("last_name"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("phone_original"), rs.getString("phone_type"));
        Address address = new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
                rs.getString("state"), rs.getString("postal_code"), rs.getString("country"));
        Attribution attribution = new Attribution(rs.getString("utm_source"), rs.getString("utm_medium"),
                rs.getString("utm_campaign"), rs.getString("utm_term"), rs.getString("utm_content"),
                rs.getString("referrer"), rs.getString("landing_page"), rs.getString("sub_id"), rs.getString("pub_id"),
                rs.getString("seller_lead_id"), rs.getBigDecimal("price"), rs.getBigDecimal("direct_post_price"));
        Compliance compliance = new Compliance(rs.getString("trusted_form_url"), rs.getString("ip_address"),
                rs.getString("user_agent"));
        Workflow workflow = new Workflow(rs.getString("entity"), json(rs, "statuses", STATUSES), rs.getString("assignee"),
                json(rs, "viewers", STRINGS), json(rs, "notes", NOTES), json(rs, "tags", STRINGS),
                rs.getString("practice_area"));
        java.sql.Date dateOfBirth = rs.getDate("date_of_birth");
        return new CanonicalLead(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("source"), rs.getString("external_id"), contact,
                dateOfBirth == null ? null : dateOfBirth.toLocalDate(), rs.getString("gender"), address, attribution,
                compliance, workflow, json(rs, "custom", OBJECT), instant(rs, "created_at"), instant(rs, "modified_at"));
    }

    private <T> T json(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        try {
            return reader.forType(type).readValue(rs.getString(column));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Column " + column + " does not hold the expected JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Optional list filters; null means "any". */
    public record LeadFilter(String source, String email, String externalId, Instant updatedSince) {
    }

    /** Where a page ends: the last lead's creation time and id. */
    public record PagePosition(Instant createdAt, UUID id) {
    }
}
