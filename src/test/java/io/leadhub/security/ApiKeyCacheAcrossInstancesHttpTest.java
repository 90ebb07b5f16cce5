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
import io.leadhub.support.SecondHub;
import io.leadhub.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two hub instances on one database: a key change made through one instance, or straight in the database,
 * reaches the other instance's key cache through PostgreSQL's notification within {@link
 * KeyCacheProbe#NOTIFICATION_BOUND}, long before any cached entry would expire. Each test first makes sure
 * the second instance's cache really holds the key, so a refusal can only come from the notification.
 */
class ApiKeyCacheAcrossInstancesHttpTest extends HubIntegrationTest {

    private static SecondHub secondInstance;

    @Autowired
    HikariDataSource dataSource;
    @Autowired
    TenantKeyCache cache;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void aKeyRotatedThroughOneInstanceIsRefusedByTheOtherSoonAfter() {
        SecondHub second = secondInstance();
        TestTenant tenant = tenants.create();
        KeyCacheProbe.warm(second.http(), second.bean(TenantKeyCache.class), tenant.apiKey());

        String rotated = rotate(http, tenant.id());

        await().atMost(NOTIFICATION_BOUND).untilAsserted(() ->
                assertError(postLead(second.http(), tenant.apiKey()), 403, "Invalid API key"));
        assertThat(postLead(second.http(), rotated).status()).isEqualTo(201);
    }

    @Test
    void aPracticeDeletedThroughOneInstanceIsRefusedByTheOtherSoonAfter() {
        SecondHub second = secondInstance();
        TestTenant tenant = tenants.create();
        KeyCacheProbe.warm(second.http(), second.bean(TenantKeyCache.class), tenant.apiKey());

        assertThat(admin(http.delete(PRACTICES + "/" + tenant.id())).send().status()).isEqualTo(200);

        await().atMost(NOTIFICATION_BOUND).untilAsserted(() ->
                assertError(postLead(second.http(), tenant.apiKey()), 403, "Invalid API key"));
    }

    @Test
    void aTenantDisabledStraightInTheDatabaseIsRefusedByEveryInstanceSoonAfter() {
        SecondHub second = secondInstance();
        TestTenant tenant = tenants.create();
        KeyCacheProbe.warm(http, cache, tenant.apiKey());
        KeyCacheProbe.warm(second.http(), second.bean(TenantKeyCache.class), tenant.apiKey());

        jdbc.update("UPDATE tenants SET disabled = true WHERE id = ?", tenant.id());

        await().atMost(NOTIFICATION_BOUND).untilAsserted(() -> {
            assertError(postLead(http, tenant.apiKey()), 403, "Tenant is disabled");
            assertError(postLead(second.http(), tenant.apiKey()), 403, "Tenant is disabled");
        });
    }

    /** Started once, lazily, against the first instance's database (embedded or HUB_TEST_DATABASE_URL). */
    private SecondHub secondInstance() {
        if (secondInstance == null) {
            secondInstance = SecondHub.start(dataSource);
        }
        return secondInstance;
    }
}
