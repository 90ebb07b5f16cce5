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
     * True for the usual body: UTF-8 without a byte order mark. JSON parsers also accept a BOM and, undeclared,
     * UTF-16 or UTF-32 (told apart by the zero bytes around the first character); such text is not what a
     * database takes as it came.
     */
    public boolean isPlainUtf8() {
        if (!isUtf8OrUndeclared()) {
            return false;
        }
        boolean byteOrderMark = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF;
        boolean wideEncoding = bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0);
        return !byteOrderMark && !wideEncoding;
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
