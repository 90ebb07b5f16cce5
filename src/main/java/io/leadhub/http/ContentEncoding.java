package io.leadhub.http;

import org.springframework.util.StringUtils;

/**
 * A request's Content-Encoding as the hub reads it: it decodes no request body, so anything but {@code identity}
 * (or no header) is refused with 415 before the body is parsed. A gzipped body read as it came was a misleading
 * 400 "Invalid JSON body", and a plain body labelled gzip was taken for what the label denies.
 */
public final class ContentEncoding {

    public static final String HEADER = "Content-Encoding";
    private static final String IDENTITY = "identity";

    private ContentEncoding() {
    }

    /**
     * 415 {@code Unsupported Content-Encoding: <coding>} for the first coding that is not {@code identity}.
     * {@code header} is the header as the message holds it: one value, a list of codings, or a list of values
     * (the header repeated).
     *
     * <p>RFC 9110 (15.5.16) says such a 415 ought to carry {@code Accept-Encoding}; it does not, because
     * platform-http drops every response header named like a request header ({@code returnHttpRequestHeaders},
     * off so that no inbound header is ever echoed), and the error text names the problem.
     */
    public static void requireIdentity(Object header) {
        if (header instanceof Iterable<?> values) {
            values.forEach(ContentEncoding::requireIdentity);
            return;
        }
        if (header == null) {
            return;
        }
        for (String coding : StringUtils.tokenizeToStringArray(header.toString(), ",")) {
            if (!IDENTITY.equalsIgnoreCase(coding)) {
                throw new HttpProblem(415, "Unsupported Content-Encoding: " + coding);
            }
        }
    }
}
