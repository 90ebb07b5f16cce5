package io.leadhub.security;

import static io.leadhub.security.KeyCacheProbe.NOTIFICATION_BOUND;
import static io.leadhub.security.KeyCacheProbe.PRACTICES;
import static io.leadhub.security.KeyCacheProbe.admin;
import static io.leadhub.security.KeyCacheProbe.postLead;
import static io.leadhub.security.KeyCacheProbe.rotate;
import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The key cache on one instance against the real database: a change made through this instance's partner API
 * counts from the very next request, an unknown key is never remembered, and while the change listener has
 * lost its connection no lookup is answered from memory. Every test first makes sure the cache really holds a
 * key, so a refusal cannot come from a cache that was never in play. (Other instances:
 * ApiKeyCacheAcrossInstancesHttpTest.)
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyCacheHttpTest extends HubIntegrationTest {

    private static final String OUTAGE_WARNING = "API key change listener has no database connection";
    private static final String RECOVERY = "API key change listener is listening again";

    @Autowired
    TenantKeyCache cache;
    @Autowired
    ApiKeyChangeListener listener;
    @Autowired
    HikariDataSource pool;

    @Test
    void theListenerHoldsItsOwnSessionAndNoConnectionOfThePool() {
        await().atMost(NOTIFICATION_BOUND).until(listener::isListening);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
                Integer.class, ApiKeyChangeListener.APPLICATION_NAME)).isPositive();
        // At rest nothing else holds a pooled connection, so a listener on a borrowed one would show as active.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero());
    }

    @Test
    void aKeyRotatedThroughThePartnerApiIsRefusedByTheVeryNextRequest() {
        TestTenant tenant = tenants.create();
        warm(tenant.apiKey());

        withoutChangeNotifications(() -> {
            String key = tenant.apiKey();
            for (int round = 0; round < 5; round++) {
                warm(key);
                String rotated = rotate(http, tenant.id());

                assertError(postLead(http, key), 403, "Invalid API key");
                key = rotated;
            }
            assertThat(postLead(http, key).status()).isEqualTo(201);
        });
    }

    @Test
    void aKeyOfAPracticeDeletedThroughThePartnerApiIsRefusedByTheVeryNextRequest() {
        TestTenant tenant = tenants.create();
        warm(tenant.apiKey());

        withoutChangeNotifications(() -> {
            assertThat(admin(http.delete(PRACTICES + "/" + tenant.id())).send().status()).isEqualTo(200);

            assertError(postLead(http, tenant.apiKey()), 403, "Invalid API key");
        });
    }

    @Test
    void anUnknownKeyIsNotRememberedSoAKeyCreatedAfterARefusalWorksAtOnce() {
        TestTenant tenant = tenants.create();
        warm(tenant.apiKey());
        String key = ApiKeys.generate();

        withoutChangeNotifications(() -> {
            assertError(postLead(http, key), 403, "Invalid API key");
            assertError(postLead(http, key), 403, "Invalid API key");
            // A second key of another kind, since a tenant has one live practice key.
            jdbc.update("INSERT INTO api_keys (id, tenant_id, kind, key_hash, key_prefix) VALUES (?, ?, 'import', ?, ?)",
                    UUID.randomUUID(), tenant.id(), ApiKeys.hash(key), ApiKeys.displayPrefix(key));

            assertThat(postLead(http, key).status()).isEqualTo(201);
        });
    }

    @Test
    void withoutItsListenerTheCacheIsBypassedUntilTheListenerReconnects(CapturedOutput output) {
        TestTenant tenant = tenants.create();
        warm(tenant.apiKey());

        assertThat(terminateListenerSessions()).contains(true);
        await().atMost(NOTIFICATION_BOUND).pollInterval(Duration.ofMillis(10)).until(() -> !listener.isListening());
        assertThat(cache.holds(ApiKeys.hash(tenant.apiKey()))).isFalse();

        // The listener cannot hear this revocation; the key must be refused anyway, so the lookup just before it
        // must not have been remembered. (Should the listener be back already, it emptied the cache on return.)
        assertThat(postLead(http, tenant.apiKey()).status()).isEqualTo(201);
        jdbc.update("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = ?", tenant.id());
        assertError(postLead(http, tenant.apiKey()), 403, "Invalid API key");

        await().atMost(NOTIFICATION_BOUND).until(listener::isListening);
        await().atMost(NOTIFICATION_BOUND).until(() -> output.getAll().contains(RECOVERY));
        assertThat(output.getAll().split(OUTAGE_WARNING, -1)).hasSize(2);

        // Back to normal: the cache is used again and a change from the database reaches it.
        TestTenant later = tenants.create();
        warm(later.apiKey());
        jdbc.update("UPDATE tenants SET disabled = true WHERE id = ?", later.id());
        await().atMost(NOTIFICATION_BOUND).untilAsserted(() ->
                assertError(postLead(http, later.apiKey()), 403, "Tenant is disabled"));
    }

    /**
     * Runs the action with the V3 migration's triggers off. The notification of a change reaches this very
     * instance within a millisecond or so, usually before the next request; without it, only what the
     * instance does by itself can make the change count, which is what these tests are about.
     */
    private void withoutChangeNotifications(Runnable action) {
        jdbc.execute("ALTER TABLE api_keys DISABLE TRIGGER api_keys_notify_change");
        jdbc.execute("ALTER TABLE tenants DISABLE TRIGGER tenants_notify_change");
        try {
            action.run();
        } finally {
            jdbc.execute("ALTER TABLE api_keys ENABLE TRIGGER api_keys_notify_change");
            jdbc.execute("ALTER TABLE tenants ENABLE TRIGGER tenants_notify_change");
        }
    }

    private void warm(String apiKey) {
        KeyCacheProbe.warm(http, cache, apiKey);
    }

    private List<Boolean> terminateListenerSessions() {
        return jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                Boolean.class, ApiKeyChangeListener.APPLICATION_NAME);
    }
}
