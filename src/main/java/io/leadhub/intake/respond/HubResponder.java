package io.leadhub.intake.respond;

import io.leadhub.http.HubErrorBody;
import io.leadhub.http.JsonResponses;
import io.leadhub.persistence.SavedLead;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The hub's own answers: 201 {@code {"success":true,"leadId":…,"created":true}} for a new lead, 200 with
 * {@code "created":false} for an update, and {@code {"success":false,"error":…}} for a refusal (intake.link's
 * shape, so clients written for it read our errors unchanged).
 */
@Component
public class HubResponder implements IntakeResponder {

    private final JsonResponses responses;

    public HubResponder(JsonResponses responses) {
        this.responses = responses;
    }

    @Override
    public String name() {
        return "hub";
    }

    @Override
    public void accepted(Exchange exchange, SavedLead lead) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("leadId", lead.id());
        body.put("created", lead.created());
        responses.write(exchange, lead.created() ? 201 : 200, body);
    }

    /** 202: accepted and durably queued; no lead id exists yet. */
    @Override
    public void queued(Exchange exchange, UUID parkedId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("queued", true);
        body.put("queueId", parkedId);
        responses.write(exchange, 202, body);
    }

    @Override
    public void refused(Exchange exchange, int status, String message, Map<String, Object> details) {
        responses.write(exchange, status, HubErrorBody.of(message, details));
    }
}
