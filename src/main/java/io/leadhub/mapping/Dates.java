package io.leadhub.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Dates of birth and the like, as sources send them: ISO dates, ISO date-times, epoch milliseconds, or a pattern. */
final class Dates {

    private static final LocalDate SAMPLE = LocalDate.of(1987, 11, 23);

    private Dates() {
    }

    /**
     * A validated {@code date:<pattern>} formatter. The pattern must round-trip a date, so "HH:mm" is refused at
     * load time instead of failing on every lead.
     */
    static DateTimeFormatter pattern(String pattern) {
        DateTimeFormatter formatter;
        try {
            // STRICT so 02/30 is refused rather than quietly becoming 02/29; the default era lets the familiar
            // yyyy (year of era) work under STRICT, which otherwise demands an era in the text.
            formatter = new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid date pattern '" + pattern + "': " + e.getMessage());
        }
        try {
            if (LocalDate.parse(SAMPLE.format(formatter), formatter).equals(SAMPLE)) {
                return formatter;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("date pattern '" + pattern + "' does not describe a full date"
                + " (year, month and day), e.g. date:MM/dd/yyyy");
    }

    /**
     * A date-time keeps the date as written, whatever its offset: "2000-01-05T00:00:00Z" is 5 January, which is
     * what the person entered. Epoch milliseconds are read in UTC. Eight digits are yyyyMMdd (no realistic epoch
     * millisecond value has eight digits); any other run of digits is epoch milliseconds. A number is read as its
     * digits, so the same value sent as a number or as text gives the same date, pattern included.
     */
    static LocalDate parse(Object value, DateTimeFormatter pattern) {
        LocalDate date = parseAny(value, pattern);
        // Years 1 to 9999 are what ISO 8601 dates (and PostgreSQL's date input) write without a sign. Outside them
        // a value is no date of birth: an epoch in seconds read as milliseconds, or a typo in the year.
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new ValueException("not a date");
        }
        return date;
    }

    private static LocalDate parseAny(Object value, DateTimeFormatter pattern) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Boolean) {
            throw new ValueException("not a date");
        }
        try {
            // A whole number reads as its digits would: sources send 19900417 as often as "19900417".
            String text = value instanceof Number number ? Values.decimal(number).toBigIntegerExact().toString()
                    : Values.trim(String.valueOf(value));
            if (pattern != null) {
                return LocalDate.parse(text, pattern);
            }
            if (text.matches("\\d{8}")) {
                return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            }
            if (text.matches("-?\\d+")) {
                return epochMillis(Long.parseLong(text));
            }
            return text.contains("T")
                    ? LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(text))
                    : LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new ValueException("not a date");
        }
    }

    private static LocalDate epochMillis(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
