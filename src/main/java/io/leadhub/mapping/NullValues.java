package io.leadhub.mapping;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The texts that mean "no value" for one mapping (GHL sends the literal {@code "null"}). Compared after trimming and
 * ignoring case; the empty string is always one of them, since an empty canonical field would only mean "absent"
 * less clearly.
 */
record NullValues(Set<String> texts) {

    static final NullValues EMPTY_ONLY = of(Set.of());

    static NullValues of(Collection<String> texts) {
        return new NullValues(Stream.concat(Stream.of(""), texts.stream())
                .map(text -> text.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean isAbsent(Object value) {
        return value == null || (value instanceof String text && texts.contains(Values.trim(text).toLowerCase(Locale.ROOT)));
    }
}
