package io.leadhub.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks emails and phone numbers in free text (log lines, exception messages that quote SQL values). Keeps
 * enough to correlate ("j***@example.com", "***4567") and nothing to contact the person with.
 *
 * <p>It runs on every log line, so it is one precompiled pattern and one pass: a line with nothing to mask comes
 * back as the same instance, and a masked line costs its matcher and the result, nothing per match.
 */
public final class PersonalDataMasker {

    /** Letters, marks and digits of any script (the hub stores addresses such as änn@éxample.com). */
    private static final String WORD = "\\p{L}\\p{M}\\p{N}";
    private static final String LOCAL_CHAR = "[" + WORD + "._%+-]";

    /**
     * From the first character of the local part (the lookbehind keeps the search from restarting inside it, and
     * the possessive run from backtracking) to a domain of Unicode labels; punycode (xn--) labels are letters,
     * digits and dashes like any other.
     */
    private static final String EMAIL = "(?<!" + LOCAL_CHAR + ")(?<first>" + LOCAL_CHAR + ")" + LOCAL_CHAR + "*+@"
            + "(?<domain>[" + WORD + ".-]+\\.[\\p{L}\\p{M}]{2,}[" + WORD + "-]*)";

    private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final String MONTH = "(?:0?[1-9]|1[0-2])";
    private static final String YEAR = "(?:19|20)\\d\\d";
    /** 2026-11-22, 2026/11/22, 2025.10.1 (calendar versions), 22.11.2026, 11/22/2026: one separator throughout. */
    private static final String DATE = "(?:" + YEAR + "(?<ymd>[-/.])" + MONTH + "\\k<ymd>" + DAY
            + "|" + DAY + "(?<dmy>[-/.])" + DAY + "\\k<dmy>" + YEAR + ")(?!\\d)";

    /**
     * Seven to fifteen digits (E.164's most), optionally led by + and broken by spaces, dots, dashes, slashes or
     * parentheses, optionally followed by an extension (x12, ext. 12). Not a run that starts inside a longer
     * token (a word, a dashed id, the fraction of a time such as 20:04:55.123456), not a date, not one that ends
     * inside a longer token, and not a duration (1234567 ms).
     */
    private static final String PHONE = "(?<![\\w-])(?<!\\d[.:/])(?!" + DATE + ")"
            + "(?<number>\\+?\\(?\\d(?:[\\s()./-]{0,2}\\d){6,14})"
            + "(?:\\s*+(?i:x|ext\\.?|extension)\\s*+\\d{1,6})?"
            + "(?![\\w-])(?!\\s?(?:[nuµm]?s|seconds?)\\b)";

    private static final Pattern PERSONAL_DATA = Pattern.compile(EMAIL + "|" + PHONE);

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher found = PERSONAL_DATA.matcher(text);
        if (!found.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            out.append(text, copied, found.start());
            if (found.start("domain") >= 0) {
                out.append(text, found.start("first"), found.end("first")).append("***@")
                        .append(text, found.start("domain"), found.end("domain"));
            } else {
                out.append("***");
                appendLastFourDigits(out, text, found.start("number"), found.end("number"));
            }
            copied = found.end();
        } while (found.find());
        return out.append(text, copied, text.length()).toString();
    }

    private static void appendLastFourDigits(StringBuilder out, String text, int start, int end) {
        int from = end;
        for (int digits = 0; digits < 4 && from > start; ) {
            if (isDigit(text.charAt(--from))) {
                digits++;
            }
        }
        for (int i = from; i < end; i++) {
            if (isDigit(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
    }

    /** What the pattern's {@code \d} matches: ASCII digits only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
