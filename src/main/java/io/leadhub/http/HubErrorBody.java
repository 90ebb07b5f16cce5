package io.leadhub.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hub's error body, {@code {"success":false,"error":"…", …details}}: intake.link's shape, so clients
 * written for it read the hub's errors unchanged. Every API of the hub answers errors in it.
 */
public final class HubErrorBody {

    private HubErrorBody() {
    }

    public static Map<String, Object> of(String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        body.putAll(details);
        return body;
    }

    public static Map<String, Object> of(String message) {
        return of(message, Map.of());
    }
}
