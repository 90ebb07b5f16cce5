package io.leadhub.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

class HealthHttpTest extends HubIntegrationTest {

    @Test
    void healthIsUpWhileTheDatabaseAnswers() {
        Response response = http.get("/actuator/health").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("UP");
    }
}
