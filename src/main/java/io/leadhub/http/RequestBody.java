package io.leadhub.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request body as sent: its bytes (within the size limit) and the charset its Content-Type declared, if any.
 * Without one the body is UTF-8, as RFC 8259 requires of JSON and as browsers and Zapier send forms.
 */
public record RequestBody(byte[] bytes, Charset declaredCharset) {

    public static final RequestBody EMPTY = new RequestBody(new byte[0], null);

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public Charset charset() {
        return declaredCharset != null ? declaredCharset : StandardCharsets.UTF_8;
    }

    /** True when the bytes can be parsed as they are: UTF-8, or undeclared (JSON parsers detect UTF-16/32). */
    public boolean isUtf8OrUndeclared() {
        return declaredCharset == null || declaredCharset.equals(StandardCharsets.UTF_8);
    }

    /**
     * True for bytes a JSON parser reads as UTF-16 or UTF-32 although no such charset was declared: a zero byte
     * around the first character, or a UTF-16 byte order mark (RFC 4627, section 3; a UTF-32 mark starts with
     * one of those too). {@link #text()} would misread them.
     */
    public boolean isUndeclaredUtf16Or32() {
        if (!isUtf8OrUndeclared() || bytes.length < 2) {
            return false;
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return first == 0 || second == 0 || (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
    }

    /**
     * The body decoded in its charset, without a byte order mark (it marks the encoding, it is not content); a
     * byte that is not valid in the charset becomes U+FFFD rather than an error.
     */
    public String text() {
        String text = new String(bytes, charset());
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
