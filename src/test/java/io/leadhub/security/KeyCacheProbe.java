package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadhub.support.HubHttp;
import io.leadhub.support.HubHttp.Response;
import java.time.Duration;
import java.util.UUID;

/** Intake requests for the key-cache tests, and a way to know an instance's cache really holds a key. */
final class KeyCacheProbe {

    /**
     * How long a change may take to reach another instance's cache in these tests: far under the 60 s TTL,
     * so a pass proves the notification, not expiry.
     */
    static final Duration NOTIFICATION_BOUND = Duration.ofSeconds(5);
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String PRACTICES = "/api/partner/practice";

    private KeyCacheProbe() {
    }

    static Response postLead(HubHttp hub, String apiKey) {
        return hub.post("/hooks/ghl").apiKey(apiKey)
                .json("{\"contact_id\":\"" + UUID.randomUUID() + "\",\"first_name\":\"Kim\"}").send();
    }

    /**
     * Posts with the key until the instance's cache holds it. More than one post may be needed: the
     * notification of the key's own creation may arrive after the first post and empty the cache.
     */
    static void warm(HubHttp hub, TenantKeyCache cache, String apiKey) {
        await().atMost(NOTIFICATION_BOUND).untilAsserted(() -> {
            assertThat(postLead(hub, apiKey).status()).isEqualTo(201);
            assertThat(cache.holds(ApiKeys.hash(apiKey))).isTrue();
        });
    }

    static HubHttp.Request admin(HubHttp.Request request) {
        return request.header("X-Auth-Key", ADMIN_KEY);
    }

    /** Rotates through the partner API; returns the new key. */
    static String rotate(HubHttp hub, UUID practiceId) {
        Response rotated = admin(hub.post(PRACTICES + "/" + practiceId + "/key/rotate")).send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        return rotated.json().get("ApiKey").asText();
    }
}
