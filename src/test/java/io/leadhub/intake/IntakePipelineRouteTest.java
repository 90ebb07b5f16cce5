package io.leadhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.support.HubHttp;
import io.leadhub.support.TestTenants;
import io.leadhub.support.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Route-level tests of direct:intake, without HTTP: messages go in through a ProducerTemplate, and faults are
 * woven in before the authenticate and persist steps to exercise the error policy (redelivery, parking, no
 * retry for bugs, and that an answered failure ends the pipeline).
 * Its own context, because advising a route changes it for everyone sharing the context.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.inbox.replay-delay-ms=3600000")
@ActiveProfiles("test")
@DirtiesContext
class IntakePipelineRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger persistAttempts = new AtomicInteger();
    private static volatile IntFunction<Throwable> faultOnAttempt = attempt -> null;
    private static final AtomicInteger authenticateAttempts = new AtomicInteger();
    private static volatile IntFunction<RuntimeException> authenticateFaultOnAttempt = attempt -> null;
    private static final List<String> headersSeenByParse = new ArrayList<>();
    private static final List<String> headersSeenByPersist = new ArrayList<>();
    private static boolean advised;

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    TestTenant tenant;

    @BeforeEach
    void weaveFaultInjectionOnce() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(camel, "intake-pipeline", route ->
                    route.weaveById("parse").before().process(exchange -> {
                        synchronized (headersSeenByParse) {
                            headersSeenByParse.clear();
                            headersSeenByParse.addAll(exchange.getMessage().getHeaders().keySet());
                        }
                    }));
            AdviceWith.adviceWith(camel, "intake-authenticate", route ->
                    route.weaveById("authenticate-key").before().process(exchange -> {
                        RuntimeException fault = authenticateFaultOnAttempt.apply(authenticateAttempts.incrementAndGet());
                        if (fault != null) {
                            throw fault;
                        }
                    }));
            AdviceWith.adviceWith(camel, "intake-persist", route ->
                    route.weaveById("persist-lead").before().process(exchange -> {
                        synchronized (headersSeenByPersist) {
                            headersSeenByPersist.clear();
                            headersSeenByPersist.addAll(exchange.getMessage().getHeaders().keySet());
                        }
                        Throwable fault = faultOnAttempt.apply(persistAttempts.incrementAndGet());
                        if (fault instanceof Error error) {
                            throw error;
                        }
                        if (fault != null) {
                            throw (RuntimeException) fault;
                        }
                    }));
            advised = true;
        }
        persistAttempts.set(0);
        faultOnAttempt = attempt -> null;
        authenticateAttempts.set(0);
        authenticateFaultOnAttempt = attempt -> null;
        tenant = new TestTenants(jdbc).create();
    }

    @Test
    void aLeadGoesThroughEveryStepAndIsAnsweredInTheSourcesStyle() throws Exception {
        Exchange result = send("{\"contact_id\":\"r-1\",\"first_name\":\"Rae\"}");

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(201);
        JsonNode body = JSON.readTree(result.getMessage().getBody(String.class));
        assertThat(body.get("created").asBoolean()).isTrue();
        assertThat(persistAttempts).hasValue(1);
        assertThat(leadCount()).isEqualTo(1);
    }

    @Test
    void credentialHeadersAreGoneBeforeTheBodyIsEvenParsed() {
        send("{\"contact_id\":\"r-2\",\"first_name\":\"Rae\"}");

        synchronized (headersSeenByParse) {
            assertThat(headersSeenByParse).isNotEmpty().noneMatch(name -> name.equalsIgnoreCase("X-API-Key"));
        }
    }

    @Test
    void noRequestHeaderOutlivesParsing() {
        send("{\"contact_id\":\"r-6\",\"first_name\":\"Rae\"}");

        assertThat(persistAttempts).hasValue(1);
        synchronized (headersSeenByPersist) {
            assertThat(headersSeenByPersist).isEmpty();
        }
    }

    @Test
    void aTransientDatabaseFailureIsRetriedAtTheFailingStepAndTheLeadIsStored() throws Exception {
        faultOnAttempt = attempt -> attempt <= 2 ? new CannotAcquireLockException("simulated lock timeout") : null;

        Exchange result = send("{\"contact_id\":\"r-3\",\"first_name\":\"Rae\"}");

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(201);
        assertThat(persistAttempts).as("two failures, then success").hasValue(3);
        assertThat(leadCount()).isEqualTo(1);
    }

    @Test
    void aDatabaseThatKeepsFailingParksTheLeadAndAnswers202() throws Exception {
        faultOnAttempt = attempt -> new CannotAcquireLockException("simulated lock timeout");

        Exchange result = send("{\"contact_id\":\"r-4\",\"first_name\":\"Rae\"}");

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
        JsonNode body = JSON.readTree(result.getMessage().getBody(String.class));
        assertThat(persistAttempts).as("the first try and four redeliveries").hasValue(5);
        assertThat(leadCount()).isZero();
        assertThat(jdbc.queryForObject("SELECT payload->>'contact_id' FROM intake_inbox WHERE id = ?", String.class,
                UUID.fromString(body.get("queueId").asText()))).isEqualTo("r-4");
    }

    @Test
    void aTransientDatabaseFailureWhileAuthenticatingIsRetriedAndTheLeadIsStored() throws Exception {
        authenticateFaultOnAttempt = attempt -> attempt == 1 ? new CannotAcquireLockException("simulated") : null;

        Exchange result = send("{\"contact_id\":\"r-7\",\"first_name\":\"Rae\"}");

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(201);
        assertThat(authenticateAttempts).as("one failure, then success").hasValue(2);
        assertThat(persistAttempts).hasValue(1);
        assertThat(leadCount()).isEqualTo(1);
    }

    @Test
    void aDatabaseThatKeepsFailingWhileAuthenticatingIsAnswered503AndNothingIsParked() throws Exception {
        authenticateFaultOnAttempt = attempt -> new CannotAcquireLockException("simulated");

        Exchange result = send("{\"contact_id\":\"r-8\",\"first_name\":\"Rae\"}");

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(result.getMessage().getHeader("Retry-After")).isEqualTo("5");
        assertThat(authenticateAttempts).as("the first try and four redeliveries").hasValue(5);
        assertThat(persistAttempts).as("the pipeline does not run on after the answer").hasValue(0);
        assertThat(leadCount()).isZero();
        assertThat(parkedCount()).isZero();
    }

    @Test
    void anErrorRatherThanAnExceptionIsAnsweredAJson500OverHttpWithoutEchoingTheLead() {
        faultOnAttempt = attempt -> new StackOverflowError("simulated");

        HubHttp.Response response = new HubHttp(port).post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"r-10\",\"first_name\":\"Rae\",\"email\":\"rae@example.com\"}").send();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).isEqualTo("{\"success\":false,\"error\":\"Internal server error\"}");
        assertThat(persistAttempts).as("an Error is no database hiccup: not retried").hasValue(1);
        assertThat(leadCount()).isZero();
        assertThat(parkedCount()).isZero();
    }

    @Test
    void aMissingKeyEndsThePipelineAt401() throws Exception {
        Exchange result = send("{\"contact_id\":\"r-9\",\"first_name\":\"Rae\"}", null);

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(persistAttempts).hasValue(0);
        assertThat(leadCount()).isZero();
    }

    @Test
    void aBugIsNotRetriedIsAnswered500AndWritesNothing() throws Exception {
        faultOnAttempt = attempt -> new IllegalStateException("a bug, not the database");

        Exchange result = send("{\"contact_id\":\"r-5\",\"first_name\":\"Rae\"}");

        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(JSON.readTree(result.getMessage().getBody(String.class)).get("error").asText())
                .isEqualTo("Internal server error");
        assertThat(persistAttempts).hasValue(1);
        assertThat(leadCount()).isZero();
        assertThat(parkedCount()).isZero();
    }

    private Exchange send(String json) {
        return send(json, tenant.apiKey());
    }

    /** What the lead-source route hands to direct:intake for routes/ghl.yaml; no X-API-Key when apiKey is null. */
    private Exchange send(String json, String apiKey) {
        return producer.send(IntakePipelineRoutes.INTAKE, exchange -> {
            exchange.setProperty(IntakeProperties.SOURCE, "ghl");
            exchange.setProperty(IntakeProperties.MAPPING, "ghl");
            exchange.setProperty(IntakeProperties.AUTH, "api-key");
            exchange.setProperty(IntakeProperties.RESPOND, "hub");
            if (apiKey != null) {
                exchange.getMessage().setHeader("X-API-Key", apiKey);
            }
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(json);
        });
    }

    private int leadCount() {
        return jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id());
    }

    private int parkedCount() {
        return jdbc.queryForObject("SELECT count(*) FROM intake_inbox WHERE tenant_id = ?", Integer.class, tenant.id());
    }
}
