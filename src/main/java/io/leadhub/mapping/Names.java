package io.leadhub.mapping;

/**
 * The hub's one rule for splitting and joining person names: the first word is the first name, everything after it
 * is the last name ("Ludwig van Beethoven" is Ludwig / van Beethoven, "Juan García López" is Juan / García López).
 * Splitting at the first space keeps multi-word surnames and particles together, which is the more common shape in
 * the markets the hub serves; a multi-word given name ("Mary Ann Smith") is the known casualty. No salutations are
 * removed: "Mr Jordan Example" becomes Mr / Jordan Example, because guessing titles mangles real names.
 */
final class Names {

    /** First, last and full name after filling the gaps. */
    record Parts(String first, String last, String full) {
    }

    private Names() {
    }

    static String firstWord(String fullName) {
        String trimmed = Values.trim(fullName);
        int space = firstSpace(trimmed);
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** Everything after the first word, or null for a single word. */
    static String restWords(String fullName) {
        String trimmed = Values.trim(fullName);
        int space = firstSpace(trimmed);
        return space < 0 ? null : Values.trim(trimmed.substring(space));
    }

    /** Full name from first + last when it is missing; first/last from the full name when both are missing. */
    static Parts complete(String first, String last, String full) {
        if (full == null && (first != null || last != null)) {
            full = first == null ? last : last == null ? first : first + " " + last;
        } else if (full != null && first == null && last == null) {
            first = firstWord(full);
            last = restWords(full);
        }
        return new Parts(first, last, full);
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
