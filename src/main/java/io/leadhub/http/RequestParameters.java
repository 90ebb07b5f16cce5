package io.leadhub.http;

import org.apache.camel.Message;

/** Query and path parameters, which platform-http hands over as message headers. */
public final class RequestParameters {

    private RequestParameters() {
    }

    /**
     * The parameter stripped, or null when absent or blank. Cleaned as stored text is ({@link StorableValues}):
     * PostgreSQL refuses a {@code %00} in a query parameter, and a value sent with one was stored without it.
     */
    public static String text(Message message, String name) {
        String value = message.getHeader(name, String.class);
        String clean = value == null ? null : StorableValues.text(value).strip();
        return clean == null || clean.isEmpty() ? null : clean;
    }
}
