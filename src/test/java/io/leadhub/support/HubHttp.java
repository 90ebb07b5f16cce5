package io.leadhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the running hub, so tests see exactly the statuses, headers and bodies a caller sees. */
public final class HubHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public HubHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request put(String path) {
        return new Request("PUT", path);
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request delete(String path) {
        return new Request("DELETE", path);
    }

    /** Any other method: PATCH, OPTIONS, HEAD, TRACE. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** One request being built; {@link #send()} performs it. */
    public final class Request {
        private final String method;
        private final String path;
        private final HttpRequest.Builder builder;
        private byte[] body = new byte[0];
        private boolean chunked;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
            this.builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request apiKey(String key) {
            return header("X-API-Key", key);
        }

        public Request json(String json) {
            return body("application/json", json);
        }

        public Request form(String form) {
            return body("application/x-www-form-urlencoded", form);
        }

        public Request body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        /** Sends the body without a Content-Length (Transfer-Encoding: chunked), as a streaming client would. */
        public Request chunked() {
            this.chunked = true;
            return this;
        }

        public Response send() {
            byte[] sent = body;
            builder.method(method, chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sent))
                    : body.length == 0 && !method.equals("POST") && !method.equals("PUT")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back: status, headers, and the body as text and as JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Response is not JSON (" + status() + "): " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
