package io.leadhub.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.web.util.UriUtils;

/**
 * Query and path parameters of an HTTP request. Query parameters are read from the query string, never from
 * the message headers, where a request header of the same name could stand in for one
 * ({@link ParameterlessRequest}).
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /**
     * The query parameter (name matched ignoring case, as IntakeQ's binding does; the first one when repeated),
     * decoded as a query string is ('+' is a space), stripped, or null when absent or blank. Cleaned as stored
     * text is ({@link StorableValues}): PostgreSQL refuses a {@code %00}, and a value sent with one was stored
     * without it.
     */
    public static String query(Message message, String name) {
        String query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (decodeQueryPart(equals < 0 ? pair : pair.substring(0, equals)).equalsIgnoreCase(name)) {
                return equals < 0 ? null : clean(decodeQueryPart(pair.substring(equals + 1)));
            }
        }
        return null;
    }

    /**
     * The path placeholder {@code {name}} of the route's path, percent-decoded ({@code a%20b} is "a b", and a
     * '+' stays a '+', as in any path), stripped, or null when blank. platform-http hands it over as sent.
     */
    public static String path(Message message, String name) {
        String raw = message.getHeader(name, String.class);
        if (raw == null) {
            return null;
        }
        try {
            return clean(UriUtils.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            throw HttpProblem.badRequest("Invalid percent-encoding in the path");
        }
    }

    private static String decodeQueryPart(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw HttpProblem.badRequest("Invalid percent-encoding in the query string");
        }
    }

    private static String clean(String value) {
        String clean = StorableValues.text(value).strip();
        return clean.isEmpty() ? null : clean;
    }
}
