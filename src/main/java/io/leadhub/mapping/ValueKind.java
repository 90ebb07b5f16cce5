package io.leadhub.mapping;

import java.util.Locale;

/**
 * What a target holds, and so how a mapped value is normalized before it lands there. This is the "always,
 * regardless of the file" normalization: a mapping file's transforms run first, then this.
 */
enum ValueKind {
    TEXT {
        @Override
        Object convert(Object value, Settings settings) {
            return Values.text(value, settings.nulls());
        }
    },
    EMAIL {
        @Override
        Object convert(Object value, Settings settings) {
            return Values.text(value, settings.nulls()).toLowerCase(Locale.ROOT);
        }
    },
    PHONE {
        @Override
        Object convert(Object value, Settings settings) {
            String text = Values.text(value, settings.nulls());
            return text.isEmpty() ? text : Phones.toE164(text, settings.defaultRegion());
        }
    },
    DATE {
        @Override
        Object convert(Object value, Settings settings) {
            return Dates.parse(value, null);
        }
    },
    DECIMAL {
        @Override
        Object convert(Object value, Settings settings) {
            return Values.decimal(value);
        }
    },
    TEXT_LIST {
        @Override
        Object convert(Object value, Settings settings) {
            return Values.textList(value, settings.nulls());
        }
    },
    NOTES {
        @Override
        Object convert(Object value, Settings settings) {
            return Values.notes(value, settings.nulls());
        }
    },
    /** custom.* targets: any JSON shape, cleaned but not reshaped. */
    ANY {
        @Override
        Object convert(Object value, Settings settings) {
            return Values.clean(value, settings.nulls());
        }
    };

    abstract Object convert(Object value, Settings settings);

    /**
     * The canonical value, or null when the value means "no value" (a null text, an empty string, a list of only
     * nulls). Throws {@link ValueException} when the value cannot be this kind at all.
     */
    final Object coerce(Object value, Settings settings) {
        if (settings.nulls().isAbsent(value)) {
            return null;
        }
        Object converted = convert(value, settings);
        return Values.isEmpty(converted) ? null : converted;
    }
}
