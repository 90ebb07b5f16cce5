package io.leadhub.http;

import java.util.Map;

/**
 * A request the hub refuses, with the status and the exact client-facing text (seed documents fix several of
 * these texts, e.g. "API key required", "Invalid JSON body"). Thrown anywhere in a route; turned into the
 * dialect's error body by the route's error policy, never caught by processors.
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> details;
    private final transient Map<String, String> headers;

    public HttpProblem(int status, String message) {
        this(status, message, Map.of());
    }

    public HttpProblem(int status, String message, Map<String, Object> details) {
        this(status, message, details, Map.of());
    }

    private HttpProblem(int status, String message, Map<String, Object> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.details = Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** Extra members for the error body, e.g. {@code missing} or {@code invalid}. */
    public Map<String, Object> details() {
        return details;
    }

    /** Response headers the answer must carry, e.g. {@code Allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    public static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, message);
    }

    public static HttpProblem forbidden(String message) {
        return new HttpProblem(403, message);
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    /** 405, with the {@code Allow} header RFC 9110 (15.5.6) requires: the methods the resource does take. */
    public static HttpProblem methodNotAllowed(String... allowed) {
        return new HttpProblem(405, HubErrorBody.messageFor(405), Map.of(), Map.of("Allow", String.join(", ", allowed)));
    }

    public static HttpProblem conflict(String message) {
        return new HttpProblem(409, message);
    }
}
