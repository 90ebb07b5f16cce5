package io.leadhub.intake;

import io.leadhub.intake.respond.IntakeResponders;
import io.leadhub.mapping.MappingRegistry;
import io.leadhub.persistence.LeadStore;
import io.leadhub.security.ApiKeyAuthenticator;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:intake}, the pipeline every lead source shares: authenticate → parse → map → validate →
 * persist → respond. Each step is a named bean call so a route test can replace or observe it by id.
 */
@Component
public class IntakePipelineRoutes extends RouteBuilder {

    public static final String INTAKE = "direct:intake";

    private final ApiKeyAuthenticator authenticator;
    private final IntakePayloadParser parser;
    private final MappingRegistry mappings;
    private final LeadStore leads;
    private final IntakeResponders responders;

    public IntakePipelineRoutes(ApiKeyAuthenticator authenticator, IntakePayloadParser parser,
            MappingRegistry mappings, LeadStore leads, IntakeResponders responders) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.mappings = mappings;
        this.leads = leads;
        this.responders = responders;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("intake-pipeline").routeConfigurationId(IntakeErrorPolicy.ID)
                .setProperty(IntakeProperties.TENANT_ID, method(authenticator, "authenticate")).id("authenticate")
                .setProperty(IntakeProperties.PAYLOAD, method(parser, "parse")).id("parse")
                .process(this::map).id("map")
                .process(this::validate).id("validate")
                .process(this::persist).id("persist")
                .process(this::respond).id("respond");

        // Any other path under /hooks/ is a source nobody configured: say so in JSON instead of Spring's 404 page.
        from("platform-http:/hooks/{source}").routeId("unknown-source").routeConfigurationId(IntakeErrorPolicy.ID)
                .throwException(io.leadhub.http.HttpProblem.notFound("Unknown source"));
    }

    private void map(Exchange exchange) {
        Map<String, Object> payload = exchange.getProperty(IntakeProperties.PAYLOAD, Map.class);
        String mapping = exchange.getProperty(IntakeProperties.MAPPING, String.class);
        exchange.setProperty(IntakeProperties.LEAD, mappings.get(mapping).map(payload));
    }

    private void validate(Exchange exchange) {
        String mapping = exchange.getProperty(IntakeProperties.MAPPING, String.class);
        mappings.get(mapping).validate(exchange.getProperty(IntakeProperties.LEAD, io.leadhub.canonical.CanonicalLead.class));
    }

    private void persist(Exchange exchange) {
        exchange.setProperty(IntakeProperties.RESULT, leads.save(
                exchange.getProperty(IntakeProperties.TENANT_ID, java.util.UUID.class),
                exchange.getProperty(IntakeProperties.SOURCE, String.class),
                exchange.getProperty(IntakeProperties.LEAD, io.leadhub.canonical.CanonicalLead.class),
                exchange.getProperty(IntakeProperties.PAYLOAD)));
    }

    private void respond(Exchange exchange) {
        responders.get(exchange.getProperty(IntakeProperties.RESPOND, String.class)).accepted(exchange,
                exchange.getProperty(IntakeProperties.RESULT, io.leadhub.persistence.SavedLead.class));
    }
}
