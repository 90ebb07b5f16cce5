package io.leadhub.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule for when two spellings are the same key: case, whitespace, underscores and dashes carry no meaning
 * ({@code UTM Source} = {@code utm_source} = {@code utmSource}). Leadflip documents exactly this rule, and GHL form
 * labels need it. Dots are kept: they separate path segments. Other punctuation is kept, so labels such as
 * "Property Type (Condo/Apartment not suitable)" still match only themselves.
 */
final class KeyNames {

    private KeyNames() {
    }

    static String normalize(String key) {
        // A char loop: this runs for every payload key of every lead. No whitespace exists outside the BMP, so
        // surrogate pairs pass through untouched.
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Under a flatten separator a key is itself a path ({@code contact__email} is {@code contact.email}). The split
     * must happen before normalizing, because normalizing removes the underscores of Zapier's {@code __}.
     */
    static String normalize(String key, String separator) {
        if (separator == null || !key.contains(separator)) {
            return normalize(key);
        }
        return Arrays.stream(key.split(Pattern.quote(separator), -1))
                .map(KeyNames::normalize)
                .collect(Collectors.joining("."));
    }
}
