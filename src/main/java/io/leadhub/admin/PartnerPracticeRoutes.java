package io.leadhub.admin;

import io.leadhub.http.ApiErrorPolicy;
import io.leadhub.http.BodyLimit;
import io.leadhub.http.HttpProblem;
import io.leadhub.http.JsonResponses;
import io.leadhub.http.RequestBody;
import io.leadhub.http.RequestParameters;
import io.leadhub.security.AdminKey;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * {@code /api/partner/practice}: IntakeQ's Partner API practice endpoints. Each endpoint is one platform-http
 * route that checks the admin key first, then does one store call and answers with {@link JsonResponses}
 * (which drops every inbound header, so neither X-Auth-Key nor the query is echoed). Bodies are parsed here
 * rather than by a REST binding so every malformed one gets the hub's JSON 400, and failures are answered
 * only by {@link ApiErrorPolicy}.
 */
@Component
public class PartnerPracticeRoutes extends RouteBuilder {

    public static final String BASE_PATH = "/api/partner/practice";
    static final String PRACTICE_REFERENCE = "practiceId";

    private final AdminKey adminKey;
    private final PracticeRequestParser requests;
    private final PracticeStore practices;
    private final JsonResponses responses;
    private final BodyLimit bodyLimit;

    public PartnerPracticeRoutes(AdminKey adminKey, PracticeRequestParser requests, PracticeStore practices,
            JsonResponses responses, BodyLimit bodyLimit) {
        this.adminKey = adminKey;
        this.requests = requests;
        this.practices = practices;
        this.responses = responses;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public void configure() {
        endpoint("GET", "", "partner-practice-list").process(this::list);
        // IntakeQ answers a created practice with 200, not 201; partner clients check for exactly that.
        endpoint("POST", "", "partner-practice-create").process(exchange ->
                ok(exchange, practices.create(requests.forCreate(body(exchange)))));
        endpoint("PUT", "", "partner-practice-update").process(exchange ->
                ok(exchange, practices.update(requests.forUpdate(body(exchange))).orElseThrow(this::notFound)));
        endpoint("DELETE", "/{" + PRACTICE_REFERENCE + "}", "partner-practice-delete").process(exchange ->
                ok(exchange, practices.delete(reference(exchange)).orElseThrow(this::notFound)));
        endpoint("GET", "/{" + PRACTICE_REFERENCE + "}/key", "partner-practice-key").process(exchange ->
                ok(exchange, practices.liveKey(reference(exchange)).orElseThrow(this::notFound)));
        endpoint("POST", "/{" + PRACTICE_REFERENCE + "}/key/rotate", "partner-practice-key-rotate").process(exchange ->
                ok(exchange, practices.rotateKey(reference(exchange)).orElseThrow(this::notFound)));
    }

    private RouteDefinition endpoint(String method, String path, String routeId) {
        return from("platform-http:" + BASE_PATH + path + "?httpMethodRestrict=" + method)
                .routeId(routeId)
                .routeConfigurationId(ApiErrorPolicy.ID)
                .process(adminKey::authenticate);
    }

    /** A blank query parameter is no filter, like an absent one. */
    private void list(Exchange exchange) {
        Message message = exchange.getMessage();
        ok(exchange, practices.find(RequestParameters.query(message, "id"), RequestParameters.query(message, "email"),
                RequestParameters.query(message, "externalPracticeId")));
    }

    private void ok(Exchange exchange, Object body) {
        responses.write(exchange, 200, body);
    }

    private HttpProblem notFound() {
        return HttpProblem.notFound("Practice not found");
    }

    private RequestBody body(Exchange exchange) {
        return bodyLimit.read(exchange.getMessage());
    }

    private static String reference(Exchange exchange) {
        return RequestParameters.path(exchange.getMessage(), PRACTICE_REFERENCE);
    }
}
