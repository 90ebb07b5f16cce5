package io.leadhub.support;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP-level tests: the whole hub on a random port against a real PostgreSQL (embedded, or
 * HUB_TEST_DATABASE_URL). Every test class shares one Spring context, so keep this annotation set identical.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected HubHttp http;
    protected TestTenants tenants;

    @BeforeEach
    void connectHttpClient() {
        http = new HubHttp(port);
        tenants = new TestTenants(jdbc);
    }
}
