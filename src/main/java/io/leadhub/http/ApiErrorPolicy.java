package io.leadhub.http;

import java.util.HashMap;
import java.util.List;
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
 * The one place failures of the hub's own APIs (partner admin, canonical read API) become answers, all in the
 * hub's error shape {@code {"success":false,"error":…}}: refusals carry their own status and text; a unique
 * index that refused a write is a 409 in the words its package gave ({@link ConflictMessages}); anything else
 * is a 500 without internals (logged here, with its cause).
 */
@Component
public class ApiErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "api-errors";

    private static final Logger log = LoggerFactory.getLogger(ApiErrorPolicy.class);

    private final JsonResponses responses;
    private final Map<String, String> conflicts = new HashMap<>();

    public ApiErrorPolicy(JsonResponses responses, List<ConflictMessages> conflictMessages) {
        this.responses = responses;
        conflictMessages.forEach(messages -> conflicts.putAll(messages.byConstraint()));
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
        responses.write(exchange, problem.status(), HubErrorBody.of(problem.getMessage(), problem.details()));
        problem.headers().forEach(exchange.getMessage()::setHeader);
    }

    private void conflict(Exchange exchange) {
        DuplicateKeyException duplicate = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DuplicateKeyException.class);
        String constraint = constraintName(duplicate);
        String message = constraint == null ? null : conflicts.get(constraint);
        if (message == null) {
            message = "Conflicts with an existing record";
        }
        responses.write(exchange, 409, HubErrorBody.of(message, Map.of()));
    }

    private void unexpected(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        log.error("API request {} failed", exchange.getFromRouteId(), cause);
        responses.write(exchange, 500, HubErrorBody.of("Internal server error", Map.of()));
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
