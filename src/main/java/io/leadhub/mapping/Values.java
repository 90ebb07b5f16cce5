package io.leadhub.mapping;

import io.leadhub.canonical.DecimalRange;
import io.leadhub.canonical.Workflow.Note;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Conversions from what sources send (strings, JSON numbers, arrays, objects) to canonical value types. Sources mix
 * numbers and strings freely (Zapier sends either), so every conversion accepts both.
 */
final class Values {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "on", "checked");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "unchecked");

    /**
     * Longest text read as a number, as Jackson limits JSON numbers: turning a longer run of digits into a
     * BigDecimal takes time that grows with the square of its length.
     */
    private static final int MAX_NUMBER_TEXT = 1000;

    private Values() {
    }

    /** Nothing worth storing: null, blank text, an empty array or object. */
    static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String text && trim(text).isEmpty())
                || (value instanceof Collection<?> collection && collection.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }

    /**
     * {@link String#strip()}, also taking the no-break spaces (U+00A0, U+2007, U+202F) and the U+FEFF that text
     * copied from web pages and spreadsheets carries: strip() leaves them, and an email kept with one is never
     * found by the address it is.
     */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** Trimmed text of a scalar; an array becomes its present elements joined by ", " (multi-select answers). */
    static String text(Object value, NullValues nulls) {
        if (value instanceof String text) {
            return trim(text);
        }
        if (value instanceof List<?> list) {
            return String.join(", ", present(list, nulls, element -> text(element, nulls)));
        }
        if (value instanceof Map<?, ?>) {
            throw new ValueException("an object is not text");
        }
        if (value instanceof Number number) {
            return decimal(number).toPlainString();
        }
        return String.valueOf(value);
    }

    /** A number within {@link DecimalRange}; anything else is "not a number" and stays in custom as sent. */
    static BigDecimal decimal(Object value) {
        BigDecimal decimal = anyDecimal(value);
        if (!DecimalRange.contains(decimal)) {
            throw new ValueException("not a number");
        }
        return decimal;
    }

    private static BigDecimal anyDecimal(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof BigInteger integer) {
                return new BigDecimal(integer);
            }
            if (value instanceof Number number) {
                // Doubles come from JSON like 12.5; their decimal string is what the sender wrote.
                return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros();
            }
            if (value instanceof String text && text.length() <= MAX_NUMBER_TEXT) {
                return new BigDecimal(trim(text));
            }
        } catch (NumberFormatException e) {
            // falls through to the ValueException below
        }
        throw new ValueException("not a number");
    }

    static Boolean bool(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String || value instanceof Number) {
            String text = text(value, NullValues.EMPTY_ONLY).toLowerCase(Locale.ROOT);
            if (TRUE.contains(text)) {
                return true;
            }
            if (FALSE.contains(text)) {
                return false;
            }
        }
        throw new ValueException("not a yes/no value");
    }

    /** Comma-joined text as a list: each piece trimmed, empty pieces dropped. */
    static List<String> splitComma(String text) {
        return Arrays.stream(text.split(",")).map(Values::trim).filter(piece -> !piece.isEmpty()).toList();
    }

    /** Tags and viewers: an array of scalars, or one comma-joined string. */
    static List<String> textList(Object value, NullValues nulls) {
        if (value instanceof List<?> list) {
            return present(list, nulls, element -> {
                if (element instanceof List<?> || element instanceof Map<?, ?>) {
                    throw new ValueException("a list of text may not nest arrays or objects");
                }
                return text(element, nulls);
            });
        }
        return splitComma(text(value, nulls)).stream().filter(piece -> !nulls.isAbsent(piece)).toList();
    }

    /** Notes: one string, a list of strings, or Leadflip's {@code {"text", "tag"}} objects (alone or in a list). */
    static List<Note> notes(Object value, NullValues nulls) {
        List<?> list = value instanceof List<?> many ? many : List.of(value);
        return present(list, nulls, element -> element instanceof Map<?, ?> map ? note(map, nulls)
                : new Note(text(element, nulls), null));
    }

    private static Note note(Map<?, ?> map, NullValues nulls) {
        String text = null;
        String tag = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = KeyNames.normalize(String.valueOf(entry.getKey()));
            Object entryValue = nulls.isAbsent(entry.getValue()) ? null : entry.getValue();
            if (key.equals("text") && entryValue != null) {
                text = text(entryValue, nulls);
            } else if (key.equals("tag") && entryValue != null) {
                tag = text(entryValue, nulls);
            }
        }
        if (text == null) {
            throw new ValueException("a note object needs a text");
        }
        return new Note(text, tag);
    }

    /**
     * A value for custom: strings trimmed, "no value" texts removed at any depth, dates as ISO text (custom is
     * stored as JSON). Arrays and objects keep their shape.
     */
    static Object clean(Object value, NullValues nulls) {
        if (value instanceof List<?> list) {
            return present(list, nulls, element -> clean(element, nulls));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> cleaned = new LinkedHashMap<>();
            map.forEach((key, entryValue) -> {
                if (!nulls.isAbsent(entryValue)) {
                    cleaned.put(String.valueOf(key), clean(entryValue, nulls));
                }
            });
            return cleaned;
        }
        if (value instanceof String text) {
            return trim(text);
        }
        return value instanceof LocalDate date ? date.toString() : value;
    }

    /** The converted elements of a list, skipping those that mean "no value", in order. */
    private static <T> List<T> present(List<?> list, NullValues nulls, Function<Object, T> convert) {
        List<T> out = new ArrayList<>();
        for (Object element : list) {
            if (!nulls.isAbsent(element)) {
                out.add(convert.apply(element));
            }
        }
        return List.copyOf(out);
    }
}
