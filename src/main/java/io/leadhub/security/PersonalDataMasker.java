package io.leadhub.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks emails and phone numbers in free text (log lines, exception messages that quote SQL values). Keeps
 * enough to correlate ("j***@example.com", "***4567") and nothing to contact the person with.
 */
public final class PersonalDataMasker {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    // Seven or more digits, optionally led by + and broken by spaces, dots, dashes or parentheses.
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,}(?![\\w-])");

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        Matcher phone = PHONE.matcher(masked);
        StringBuilder out = new StringBuilder(masked.length());
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            phone.appendReplacement(out, "***" + digits.substring(digits.length() - 4));
        }
        phone.appendTail(out);
        return out.toString();
    }
}
