package io.leadhub.mapping;

import java.util.Collection;

/** "Did you mean" for typos in mapping files, so a failed startup points at the fix and not only at the problem. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean x?)"} for the closest plausible candidate, or an empty string. */
    static String didYouMean(String wrong, Collection<String> candidates) {
        String wanted = KeyNames.normalize(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String normalized = KeyNames.normalize(candidate);
            // A truncated name ("split" for split-comma) is as good a guess as a one-letter typo.
            int distance = normalized.equals(wanted) ? 0
                    : wanted.length() >= 3 && normalized.startsWith(wanted) ? 1 : distance(wanted, normalized);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, wanted.length() / 3) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
