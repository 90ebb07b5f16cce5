package io.leadhub.intake;

import io.leadhub.http.HttpProblem;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body. Repeated keys (checkbox groups, multi-selects)
 * become lists in the order sent; a malformed escape is a 400, not a 500.
 */
public final class FormFields {

    private FormFields() {
    }

    /** {@code charset} is the one the body was sent in: percent-escapes are bytes in it too. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decode(String body, Charset charset) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = unescape(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : unescape(pair.substring(eq + 1), charset);
            fields.merge(key, value, (old, added) -> {
                List<Object> values = old instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(old));
                values.add(added);
                return values;
            });
        }
        return fields;
    }

    private static String unescape(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("Invalid form body");
        }
    }
}
