package io.leadhub.http;

import io.leadhub.canonical.DecimalRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request values made fit for PostgreSQL, which holds neither U+0000 nor half a surrogate pair in text or jsonb,
 * nor a number it would write back too long to read ({@link DecimalRange}). JSON can carry all three (as
 * {@code \u0000}, a lone {@code \ud83d}, or {@code 1e1000}), and a form can carry U+0000 ({@code %00}).
 *
 * <p>Text is cleaned rather than refused, so a lead is never lost over a character that carries no meaning: U+0000
 * is dropped and half a surrogate pair (an emoji cut in two by a sender) becomes U+FFFD, as an undecodable byte
 * does. A number out of range cannot be stored or cleaned without changing what was said, so it is the seeds'
 * 400 "Invalid JSON body".
 */
public final class StorableValues {

    private static final char REPLACEMENT = '\uFFFD';

    private StorableValues() {
    }

    /** The text cleaned; the same instance when it needed nothing, so callers can tell whether anything changed. */
    public static String text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPairAt(text, i)) {
                i++;
            } else if (c == '\0' || Character.isSurrogate(c)) {
                return clean(text, i);
            }
        }
        return text;
    }

    /**
     * A parsed JSON value (maps, lists, strings, numbers, booleans) with every key and string cleaned; the same
     * instance when nothing needed cleaning.
     *
     * @throws HttpProblem 400 "Invalid JSON body" for a number PostgreSQL cannot hold
     */
    @SuppressWarnings("unchecked")
    public static <T> T of(T value) {
        if (value instanceof String text) {
            return (T) text(text);
        }
        if (value instanceof BigDecimal decimal && !DecimalRange.contains(decimal)) {
            throw HttpProblem.badRequest("Invalid JSON body");
        }
        if (value instanceof Map<?, ?> map) {
            return (T) map(map);
        }
        if (value instanceof List<?> list) {
            return (T) list(list);
        }
        return value;
    }

    private static String clean(String text, int from) {
        StringBuilder clean = new StringBuilder(text.length()).append(text, 0, from);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (isPairAt(text, i)) {
                clean.append(c).append(text.charAt(++i));
            } else {
                clean.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return clean.toString();
    }

    private static boolean isPairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** Copied only from the first entry that changes: most payloads need nothing and cost no allocation. */
    private static Map<?, ?> map(Map<?, ?> map) {
        Map<String, Object> copy = null;
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String cleanKey = text(key);
            Object value = entry.getValue();
            Object cleanValue = of(value);
            if (copy == null && (cleanKey != key || cleanValue != value)) {
                copy = new LinkedHashMap<>();
                Iterator<? extends Map.Entry<?, ?>> earlier = map.entrySet().iterator();
                for (int i = 0; i < index; i++) {
                    Map.Entry<?, ?> unchanged = earlier.next();
                    copy.put(String.valueOf(unchanged.getKey()), unchanged.getValue());
                }
            }
            if (copy != null) {
                copy.put(cleanKey, cleanValue);
            }
            index++;
        }
        return copy == null ? map : copy;
    }

    private static List<?> list(List<?> list) {
        List<Object> copy = null;
        for (int i = 0; i < list.size(); i++) {
            Object value = list.get(i);
            Object cleanValue = of(value);
            if (copy == null && cleanValue != value) {
                copy = new ArrayList<>(list.subList(0, i));
            }
            if (copy != null) {
                copy.add(cleanValue);
            }
        }
        return copy == null ? list : copy;
    }
}
