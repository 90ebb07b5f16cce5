package io.leadhub.mapping;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One named step of a rule's {@code transform} list. Steps run in order on the value the rule found, before the
 * target's own normalization; a step that cannot handle its input throws {@link ValueException}, which makes the
 * rule try its next source key. Text steps applied to an array work on each element.
 */
@FunctionalInterface
interface Transform {

    /** The names a mapping file may use; {@code date:<pattern>} stands for any java.time pattern. */
    List<String> NAMES = List.of("trim", "lower", "upper", "split-comma", "join", "first-word", "rest-words",
            "date", "date:<pattern>", "number", "boolean", "phone");

    Object apply(Object value);

    /** @throws IllegalArgumentException with the problem sentence a mapping file error reports */
    static Transform parse(String name, Settings settings) {
        if (name.startsWith("date:")) {
            DateTimeFormatter pattern = Dates.pattern(name.substring("date:".length()));
            return value -> Dates.parse(value, pattern);
        }
        return switch (name) {
            case "trim" -> eachText(Values::trim, settings);
            case "lower" -> eachText(text -> text.toLowerCase(Locale.ROOT), settings);
            case "upper" -> eachText(text -> text.toUpperCase(Locale.ROOT), settings);
            case "split-comma" -> value -> value instanceof List<?> list
                    ? list.stream().filter(element -> !settings.nulls().isAbsent(element))
                            .flatMap(element -> Values.splitComma(Values.text(element, settings.nulls())).stream())
                            .toList()
                    : Values.splitComma(Values.text(value, settings.nulls()));
            case "join" -> value -> value instanceof List<?> list
                    ? String.join(" ", list.stream().filter(element -> !settings.nulls().isAbsent(element))
                            .map(element -> Values.text(element, settings.nulls())).toList())
                    : Values.text(value, settings.nulls());
            case "first-word" -> value -> Names.firstWord(Values.text(value, settings.nulls()));
            case "rest-words" -> value -> Names.restWords(Values.text(value, settings.nulls()));
            case "date" -> value -> Dates.parse(value, null);
            case "number" -> Values::decimal;
            case "boolean" -> Values::bool;
            case "phone" -> value -> Phones.toE164(Values.text(value, settings.nulls()), settings.defaultRegion());
            default -> throw new IllegalArgumentException("unknown transform '" + name + "'"
                    + Suggestions.didYouMean(name, NAMES) + "; known: " + String.join(", ", NAMES));
        };
    }

    private static Transform eachText(UnaryOperator<String> operation, Settings settings) {
        return value -> {
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (Object element : list) {
                    out.add(element == null || element instanceof Map<?, ?> ? element
                            : operation.apply(Values.text(element, settings.nulls())));
                }
                return out;
            }
            return operation.apply(Values.text(value, settings.nulls()));
        };
    }
}
