package io.leadhub.intake;

import io.leadhub.http.HttpProblem;
import io.leadhub.http.HubErrorBody;
import io.leadhub.intake.respond.IntakeResponder;
import io.leadhub.intake.respond.IntakeResponders;
import io.leadhub.mapping.LeadValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes the error answers chosen by {@link IntakeErrorPolicy} in the source's response style. */
@Component
public class IntakeErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(IntakeErrorResponses.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final IntakeResponders responders;

    public IntakeErrorResponses(IntakeResponders responders) {
        this.responders = responders;
    }

    public void refused(Exchange exchange) {
        HttpProblem problem = caught(exchange, HttpProblem.class);
        responder(exchange).refused(exchange, problem.status(), problem.getMessage(), problem.details());
        // After the responder, which starts the response's headers afresh.
        problem.headers().forEach(exchange.getMessage()::setHeader);
    }

    public void invalidLead(Exchange exchange) {
        LeadValidationException invalid = caught(exchange, LeadValidationException.class);
        Map<String, Object> details = new LinkedHashMap<>();
        if (!invalid.missing().isEmpty()) {
            details.put("missing", invalid.missing());
        }
        if (!invalid.invalid().isEmpty()) {
            details.put("invalid", invalid.invalid());
        }
        responder(exchange).refused(exchange, 422, invalid.getMessage(), details);
    }

    /**
     * 503 with a {@code Retry-After}, as every other 503 of the hub: nothing was stored, so the caller should send
     * again. A few seconds, not one: the retries before this answer already spanned about ten, so the database
     * is restarting or failing over, not blinking.
     */
    public void unavailable(Exchange exchange) {
        Exception cause = caught(exchange, Exception.class);
        log.error("Database unavailable for source {} after retries: {}",
                exchange.getProperty(IntakeProperties.SOURCE), cause.toString());
        responder(exchange).refused(exchange, 503, HubErrorBody.messageFor(503), Map.of());
        exchange.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    public void unexpected(Exchange exchange) {
        Exception cause = caught(exchange, Exception.class);
        log.error("Intake failed for source {}", exchange.getProperty(IntakeProperties.SOURCE), cause);
        responder(exchange).refused(exchange, 500, "Internal server error", Map.of());
    }

    private IntakeResponder responder(Exchange exchange) {
        return responders.get(exchange.getProperty(IntakeProperties.RESPOND, String.class));
    }

    private static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }
}
