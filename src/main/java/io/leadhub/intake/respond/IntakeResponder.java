package io.leadhub.intake.respond;

import io.leadhub.persistence.SavedLead;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * How one dialect answers: the success body for a stored lead and the error body for a refusal. A dialect
 * whose answers match the hub's own shape needs no responder of its own.
 */
public interface IntakeResponder {

    /** The name route files use in their {@code respond} parameter. */
    String name();

    void accepted(Exchange exchange, SavedLead lead);

    /** The lead is durably parked and will be stored by the replay job. */
    void queued(Exchange exchange, UUID parkedId);

    void refused(Exchange exchange, int status, String message, Map<String, Object> details);
}
