package io.leadhub.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp;
import io.leadhub.support.HubHttp.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Its own hub and its own PostgreSQL, which the test stops for real: health must then say DOWN (503), quickly.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=1000")
@ActiveProfiles("test")
@DirtiesContext
class HealthWhenDatabaseIsGoneHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void healthIsDownOnceTheDatabaseStops() throws Exception {
        HubHttp http = new HubHttp(port);
        assertThat(http.get("/actuator/health").send().status()).isEqualTo(200);

        postgres.close();
        Response response = http.get("/actuator/health").send();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("status").asText()).isEqualTo("DOWN");
    }
}
