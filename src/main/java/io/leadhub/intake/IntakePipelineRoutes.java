package io.leadhub.intake;

import io.leadhub.canonical.CanonicalLead;
import io.leadhub.http.HttpProblem;
import io.leadhub.intake.respond.IntakeResponders;
import io.leadhub.mapping.MappingRegistry;
import io.leadhub.persistence.IntakeInbox;
import io.leadhub.persistence.LeadStore;
import io.leadhub.persistence.SavedLead;
import io.leadhub.security.ApiKeyAuthenticator;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:intake}, the pipeline every lead source shares: authenticate → parse → map → validate →
 * persist → respond. Each step is a named bean call so a route test can replace or observe it by id; the two
 * that use the database run in routes of their own, where transient failures are retried (IntakeErrorPolicy).
 */
@Component
public class IntakePipelineRoutes extends RouteBuilder {

    public static final String INTAKE = "direct:intake";
    /** Where a validated lead goes when the database keeps failing: parked for the replay job, answered 202. */
    public static final String PARK = "direct:intake-park";
    static final String AUTHENTICATE = "direct:intake-authenticate";
    static final String PERSIST = "direct:intake-persist";

    private final ApiKeyAuthenticator authenticator;
    private final IntakePayloadParser parser;
    private final MappingRegistry mappings;
    private final LeadStore leads;
    private final IntakeResponders responders;
    private final IntakeErrorResponses errorResponses;
    private final IntakeInbox inbox;
    private final LeadSourceRouteTemplate sources;

    public IntakePipelineRoutes(ApiKeyAuthenticator authenticator, IntakePayloadParser parser,
            MappingRegistry mappings, LeadStore leads, IntakeResponders responders,
            IntakeErrorResponses errorResponses, IntakeInbox inbox, LeadSourceRouteTemplate sources) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.mappings = mappings;
        this.leads = leads;
        this.responders = responders;
        this.errorResponses = errorResponses;
        this.inbox = inbox;
        this.sources = sources;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("intake-pipeline").routeConfigurationId(IntakeErrorPolicy.ID)
                .to(AUTHENTICATE).id("authenticate")
                .process(parser::parse).id("parse")
                .process(this::map).id("map")
                .process(this::validate).id("validate")
                .to(PERSIST).id("persist")
                .process(this::respond).id("respond");

        // The two steps that use the database, each in a route whose error policy retries transient failures.
        from(AUTHENTICATE).routeId("intake-authenticate").routeConfigurationId(IntakeErrorPolicy.DATABASE_ID)
                .process(exchange -> exchange.setProperty(IntakeProperties.TENANT_ID,
                        authenticator.authenticate(exchange))).id("authenticate-key");
        from(PERSIST).routeId("intake-persist").routeConfigurationId(IntakeErrorPolicy.DATABASE_ID)
                .process(this::persist).id("persist-lead");

        from(PARK).routeId("intake-park").routeConfigurationId(IntakeErrorPolicy.PARKING_ID)
                .choice()
                    .when(exchangeProperty(IntakeProperties.LEAD).isNull())
                        // Failed before the lead was validated (e.g. authenticating): nothing safe to park.
                        .bean(errorResponses, "unavailable")
                    .otherwise()
                        .process(this::park).id("park")
                        .process(this::respondQueued).id("respond-queued")
                .end();

        // Any other request under /hooks/: a configured source asked with the wrong method, or a source nobody
        // configured. Say which, in JSON, instead of Spring's generic 404.
        from("platform-http:/hooks/{source}").routeId("unknown-source").routeConfigurationId(IntakeErrorPolicy.ID)
                .process(exchange -> {
                    String path = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
                    throw sources.isSourcePath(path) ? HttpProblem.methodNotAllowed(LeadSourceRouteTemplate.METHOD)
                            : HttpProblem.notFound("Unknown source");
                });
    }

    private void map(Exchange exchange) {
        Map<String, Object> payload = exchange.getProperty(IntakeProperties.PAYLOAD, Map.class);
        String mapping = exchange.getProperty(IntakeProperties.MAPPING, String.class);
        exchange.setProperty(IntakeProperties.LEAD, mappings.get(mapping).map(payload));
    }

    private void validate(Exchange exchange) {
        String mapping = exchange.getProperty(IntakeProperties.MAPPING, String.class);
        mappings.get(mapping).validate(exchange.getProperty(IntakeProperties.LEAD, CanonicalLead.class));
    }

    private void persist(Exchange exchange) {
        exchange.setProperty(IntakeProperties.RESULT, leads.save(
                exchange.getProperty(IntakeProperties.TENANT_ID, UUID.class),
                exchange.getProperty(IntakeProperties.SOURCE, String.class),
                exchange.getProperty(IntakeProperties.LEAD, CanonicalLead.class),
                exchange.getProperty(IntakeProperties.RAW_JSON, String.class),
                receivedAt(exchange)));
    }

    private void park(Exchange exchange) {
        exchange.setProperty(IntakeProperties.PARKED_ID, inbox.park(
                exchange.getProperty(IntakeProperties.TENANT_ID, UUID.class),
                exchange.getProperty(IntakeProperties.SOURCE, String.class),
                exchange.getProperty(IntakeProperties.MAPPING, String.class),
                exchange.getProperty(IntakeProperties.RAW_JSON, String.class),
                receivedAt(exchange)));
    }

    /**
     * When the request reached the hub: platform-http creates the exchange as the request arrives, and retries
     * reuse it. The lead is stored with this time, not with when it is written, so a delivery that is retried
     * or parked does not overwrite a newer one stored before it.
     */
    private static Instant receivedAt(Exchange exchange) {
        return Instant.ofEpochMilli(exchange.getClock().getCreated());
    }

    private void respondQueued(Exchange exchange) {
        responders.get(exchange.getProperty(IntakeProperties.RESPOND, String.class)).queued(exchange,
                exchange.getProperty(IntakeProperties.PARKED_ID, UUID.class));
    }

    private void respond(Exchange exchange) {
        responders.get(exchange.getProperty(IntakeProperties.RESPOND, String.class)).accepted(exchange,
                exchange.getProperty(IntakeProperties.RESULT, SavedLead.class));
    }
}
