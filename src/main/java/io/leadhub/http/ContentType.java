package io.leadhub.http;

import java.nio.charset.Charset;
import java.util.Locale;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * A request's Content-Type as the hub reads it: the media type, lower-cased ({@code ""} when the request names
 * none), and the charset its parameters declare, if any. The one place the header is interpreted, for the
 * intake parser's choice of JSON or form, for the charset bodies are decoded in, and for the Reader Camel gets.
 */
public record ContentType(String mediaType, Charset charset) {

    private static final ContentType NONE = new ContentType("", null);

    /** 415 {@code Unsupported content type} when the parameters cannot be parsed or name a charset this JVM lacks. */
    public static ContentType of(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        if (header.indexOf(';') < 0) {
            // No parameters, so no charset: most requests, spared the parse.
            return new ContentType(header.trim().toLowerCase(Locale.ROOT), null);
        }
        try {
            MimeType type = MimeTypeUtils.parseMimeType(header);
            return new ContentType(type.getType() + "/" + type.getSubtype(), type.getCharset());
        } catch (IllegalArgumentException e) {
            // InvalidMimeTypeException, and UnsupportedCharsetException or IllegalCharsetNameException: a body in
            // an encoding the hub cannot read is refused as its content type, not guessed at.
            throw new HttpProblem(415, "Unsupported content type");
        }
    }
}
