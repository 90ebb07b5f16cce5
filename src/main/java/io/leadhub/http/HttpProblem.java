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

    public HttpProblem(int status, String message) {
        this(status, message, Map.of());
    }

    public HttpProblem(int status, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    /** Extra members for the error body, e.g. {@code missing} or {@code invalid}. */
    public Map<String, Object> details() {
        return details;
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

    public static HttpProblem conflict(String message) {
        return new HttpProblem(409, message);
    }
}
