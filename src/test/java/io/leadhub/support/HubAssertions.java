package io.leadhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;

/** Assertions on the hub's shared answer shapes. */
public final class HubAssertions {

    private HubAssertions() {
    }

    /** A JSON error in the hub's shape: the status, and {@code {"success":false,"error":message}}. */
    public static void assertError(Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error").asText()).isEqualTo(message);
    }
}
