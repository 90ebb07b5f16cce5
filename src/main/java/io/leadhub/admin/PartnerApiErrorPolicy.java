package io.leadhub.admin;

import io.leadhub.http.HttpProblem;
import io.leadhub.http.JsonResponses;
import io.leadhub.intake.respond.HubResponder;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The one place partner API failures become answers, all in the hub's error shape
 * {@code {"success":false,"error":…}}: refusals carry their own status and text; a unique index that refused a
 * write is a 409 naming the field; anything else is a 500 without internals (logged here, with its cause).
 */
@Component
public class PartnerApiErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "partner-api-errors";

    private static final Logger log = LoggerFactory.getLogger(PartnerApiErrorPolicy.class);

    /** Unique index → what the partner did wrong, in the seed's field names. */
    private static final Map<String, String> CONFLICTS = Map.of(
            "tenants_external_practice_id_uq", "ExternalPracticeId is already used by another practice",
            "tenants_slug_uq", "Slug is already used by another practice",
            "staff_tenant_email_uq", "Email already belongs to another user of this practice");

    private final JsonResponses responses;

    public PartnerApiErrorPolicy(JsonResponses responses) {
        this.responses = responses;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(HttpProblem.class)
                    .handled(true)
                    .process(this::refused)
                .end()
                .onException(DuplicateKeyException.class)
                    .handled(true)
                    .process(this::conflict)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .process(this::unexpected)
                .end();
    }

    private void refused(Exchange exchange) {
        HttpProblem problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, HttpProblem.class);
        responses.write(exchange, problem.status(), HubResponder.errorBody(problem.getMessage(), problem.details()));
    }

    private void conflict(Exchange exchange) {
        DuplicateKeyException duplicate = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DuplicateKeyException.class);
        String constraint = constraintName(duplicate);
        String message = constraint == null ? null : CONFLICTS.get(constraint);
        if (message == null) {
            message = "Conflicts with an existing record";
        }
        responses.write(exchange, 409, HubResponder.errorBody(message, Map.of()));
    }

    private void unexpected(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        log.error("Partner API request {} failed", exchange.getFromRouteId(), cause);
        responses.write(exchange, 500, HubResponder.errorBody("Internal server error", Map.of()));
    }

    private static String constraintName(DuplicateKeyException duplicate) {
        for (Throwable cause = duplicate; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return server == null ? null : server.getConstraint();
            }
        }
        return null;
    }
}
