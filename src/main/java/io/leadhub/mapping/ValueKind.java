package io.leadhub.mapping;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * What a target holds, and so how a mapped value is normalized before it lands there. This is the "always,
 * regardless of the file" normalization: a mapping file's transforms run first, then this.
 */
enum ValueKind {
    TEXT((value, settings) -> Values.text(value, settings.nulls())),
    EMAIL((value, settings) -> Values.text(value, settings.nulls()).toLowerCase(Locale.ROOT)),
    PHONE((value, settings) -> {
        String text = Values.text(value, settings.nulls());
        return text.isEmpty() ? text : Phones.toE164(text, settings.defaultRegion());
    }),
    DATE((value, settings) -> Dates.parse(value, null)),
    DECIMAL((value, settings) -> Values.decimal(value)),
    TEXT_LIST((value, settings) -> Values.textList(value, settings.nulls())),
    NOTES((value, settings) -> Values.notes(value, settings.nulls())),
    /** custom.* targets: any JSON shape, cleaned but not reshaped. */
    ANY((value, settings) -> Values.clean(value, settings.nulls()));

    private final BiFunction<Object, Settings, Object> conversion;

    ValueKind(BiFunction<Object, Settings, Object> conversion) {
        this.conversion = conversion;
    }

    /**
     * The canonical value, or null when the value means "no value" (a null text, an empty string, a list of only
     * nulls). Throws {@link ValueException} when the value cannot be this kind at all.
     */
    Object coerce(Object value, Settings settings) {
        if (settings.nulls().isAbsent(value)) {
            return null;
        }
        Object converted = conversion.apply(value, settings);
        return Values.isEmpty(converted) ? null : converted;
    }
}
