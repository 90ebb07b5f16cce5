package io.leadhub.mapping;

import java.util.List;

/** One entry of a mapping file's {@code fields}: a target, where its value comes from, transforms, a default. */
record FieldRule(String written, Target target, ValueSource source, List<Transform> transforms, Object defaultValue) {

    /** The value for this payload; the default (normalized, not transformed) when the source found none. */
    Resolved resolve(MappingRun run) {
        Settings settings = run.settings();
        Resolved found = source.resolve(run, original -> convert(original, settings));
        if (found == null && defaultValue != null) {
            Object value = target.kind().coerce(defaultValue, settings);
            return value == null ? null : new Resolved(defaultValue, value);
        }
        return found;
    }

    Object convert(Object original, Settings settings) {
        Object value = original;
        for (Transform transform : transforms) {
            if (settings.nulls().isAbsent(value)) {
                return null;
            }
            value = transform.apply(value);
        }
        return target.kind().coerce(value, settings);
    }
}
