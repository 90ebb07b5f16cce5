package io.leadhub.api;

import io.leadhub.canonical.CanonicalLead;
import io.leadhub.http.ApiErrorPolicy;
import io.leadhub.http.HttpProblem;
import io.leadhub.http.JsonResponses;
import io.leadhub.http.RequestParameters;
import io.leadhub.persistence.LeadReader;
import io.leadhub.persistence.LeadReader.LeadFilter;
import io.leadhub.persistence.LeadReader.PagePosition;
import io.leadhub.security.ApiKeyAuthenticator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v1/leads/{id}} returns one canonical lead; {@code GET /v1/leads} lists them newest first with
 * keyset pagination. Both answer only within the tenant of the caller's API key.
 */
@Component
public class LeadReadRoutes extends RouteBuilder {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ApiKeyAuthenticator authenticator;
    private final LeadReader leads;
    private final JsonResponses responses;

    public LeadReadRoutes(ApiKeyAuthenticator authenticator, LeadReader leads, JsonResponses responses) {
        this.authenticator = authenticator;
        this.leads = leads;
        this.responses = responses;
    }

    @Override
    public void configure() {
        from("platform-http:/v1/leads?httpMethodRestrict=GET").routeId("api-leads-list")
                .routeConfigurationId(ApiErrorPolicy.ID)
                .process(this::list);
        from("platform-http:/v1/leads/{id}?httpMethodRestrict=GET").routeId("api-lead-get")
                .routeConfigurationId(ApiErrorPolicy.ID)
                .process(this::get);
    }

    private void get(Exchange exchange) {
        UUID tenantId = authenticator.authenticate(exchange);
        UUID id = uuidOrNull(RequestParameters.path(exchange.getMessage(), "id"));
        CanonicalLead lead = id == null ? null : leads.find(tenantId, id).orElse(null);
        if (lead == null) {
            throw HttpProblem.notFound("Lead not found");
        }
        responses.write(exchange, 200, lead);
    }

    private void list(Exchange exchange) {
        UUID tenantId = authenticator.authenticate(exchange);
        Message message = exchange.getMessage();
        int limit = limit(RequestParameters.query(message, "limit"));
        String cursor = RequestParameters.query(message, "cursor");
        String email = RequestParameters.query(message, "email");
        LeadFilter filter = new LeadFilter(RequestParameters.query(message, "source"),
                email == null ? null : email.toLowerCase(Locale.ROOT), RequestParameters.query(message, "externalId"),
                instant(RequestParameters.query(message, "updatedSince")));

        List<CanonicalLead> found = leads.page(tenantId, filter, cursor == null ? null : LeadCursor.decode(cursor), limit + 1);
        boolean more = found.size() > limit;
        List<CanonicalLead> page = more ? found.subList(0, limit) : found;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leads", page);
        if (more) {
            CanonicalLead last = page.get(page.size() - 1);
            body.put("nextCursor", LeadCursor.encode(new PagePosition(last.createdAt(), last.id())));
        }
        responses.write(exchange, 200, body);
    }


    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw HttpProblem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /**
     * An ISO-8601 date (midnight UTC) or date-time, with an offset or without one (UTC). A '+' offset sent
     * unencoded in the query string arrives as a space, and is read as the '+' it was.
     */
    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value.replace(' ', '+'));
            return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw HttpProblem.badRequest("updatedSince must be an ISO-8601 date or date-time");
        }
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
