package io.leadhub.http;

import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * While the instance is not ready for traffic (starting, or closing), every request but health is answered
 * 503 with Retry-After, and nothing is stored; once ready, requests go through again.
 */
class ReadinessGateHttpTest extends HubIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void notReadyMeans503RetryAfterAndNothingStoredThenServedAgain() {
        TestTenant tenant = tenants.create();
        String lead = "{\"contact_id\":\"gate-1\",\"first_name\":\"Gil\",\"email\":\"gil@example.com\"}";

        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        Response refused;
        Response unknownSource;
        Response health;
        try {
            refused = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(lead).send();
            unknownSource = http.post("/hooks/not-started-yet").apiKey(tenant.apiKey()).json(lead).send();
            health = http.get("/actuator/health").send();
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }

        assertError(refused, 503, "Service temporarily unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertError(unknownSource, 503, "Service temporarily unavailable");
        assertThat(health.text()).doesNotContain("Service temporarily unavailable").contains("status");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id()))
                .isZero();

        assertThat(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(lead).send().status()).isEqualTo(201);
    }
}
