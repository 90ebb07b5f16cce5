package io.leadhub.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

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

    /** The hub's message for an error status nothing more specific was said about. */
    public static String messageFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return status >= 500 ? "Internal server error" : "Invalid request";
        }
        return switch (known) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case BAD_REQUEST -> "Invalid request body";
            case PAYLOAD_TOO_LARGE -> "Payload too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type";
            case INTERNAL_SERVER_ERROR -> "Internal server error";
            case SERVICE_UNAVAILABLE -> "Service temporarily unavailable";
            // 501 for a transfer coding Tomcat does not know, 505 for an HTTP version it does not speak.
            default -> known.getReasonPhrase();
        };
    }
}
