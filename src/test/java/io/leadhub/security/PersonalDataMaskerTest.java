package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lead jordan@example.com saved        | lead j***@example.com saved",
            "to: A.B+tag@sub.example.co.uk        | to: A***@sub.example.co.uk",
            "phone +15555550123 ok                | phone ***0123 ok",
            "call (555) 123-4567 now              | call ***4567 now",
            "+60 12-345 6789                      | ***6789",
            "555.123.4567                         | ***4567",
    })
    void masksEmailsAndPhoneNumbers(String line, String expected) {
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(expected);
    }

    /** The hub accepts and stores such addresses (änn@éxample.com), so its logs can carry them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lead josé@example.com saved          | lead j***@example.com saved",
            "(email)=(änn@éxample.com)            | (email)=(ä***@éxample.com)",
            "to ann@éxample.com.                  | to a***@éxample.com.",
            "ann@пример.рф                        | a***@пример.рф",
            "ann@xn--xample-9ua.xn--p1ai          | a***@xn--xample-9ua.xn--p1ai",
            "用户@例子.广告                          | 用***@例子.广告",
            "Zoë.O-Brien+x@mail.éxample.de        | Z***@mail.éxample.de",
    })
    void masksEmailsWithUnicodeLettersInLocalPartAndDomain(String line, String expected) {
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "call 512/555/0147 now                | call ***0147 now",
            "030/1234567                          | ***4567",
            "phone 5125550147x12 ok               | phone ***0147 ok",
            "+1 512 555 0147 ext. 12              | ***0147",
            "(512) 555-0147 Ext 1234              | ***0147",
            "512-555-0147 x 12, then              | ***0147, then",
            "512.555.0147 extension 7             | ***0147",
    })
    void masksPhoneNumbersWithSlashesAndExtensions(String line, String expected) {
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(expected);
    }

    @Test
    void masksTheLineTheReviewFoundUnmasked() {
        assertThat(PersonalDataMasker.mask("josé@example.com ann@éxample.com 5125550147x12 512/555/0147"))
                .isEqualTo("j***@example.com a***@éxample.com ***0147 ***0147");
    }

    @Test
    void leavesIdsTimestampsAndShortNumbersAlone() {
        String line = "lead 798ae888-b4f6-40c0-923e-c8b2ec391fa6 at 2026-11-21T20:04:55Z took 123 ms on port 8080";

        assertThat(PersonalDataMasker.mask(line)).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "due on 2026-11-22 for lead 42",
            "due 2026/11/22, 22/11/2026, 11/22/2026, 22.11.2026 or 22-11-2026",
            "created_at=2026-11-22 20:04:55.123456+00 updated",
            "at 2026-11-22T20:04:55.123456789+01:00[Europe/Berlin]",
            "between 20:04:55.123456 and 20:04:56.654321",
            "lead 12345678-1234-4234-8234-123456789012 saved",
            "Camel 4.18.0, Spring Cloud 2025.10.1, Java 17.0.15+6-Debian-1deb12u1",
            "took 1234567 ms, 12345678ns, 1234567 µs, PT20M34.123456S, 1s234ms",
            "a line with\nno numbers",
    })
    void leavesDatesTimesUuidsVersionsAndDurationsAlone(String line) {
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(line);
    }

    @Test
    void returnsTheSameLineWhenThereIsNothingToMask() {
        String line = "Started HubApplication in 3.456 seconds (process running for 4.1)";

        assertThat(PersonalDataMasker.mask(line)).isSameAs(line);
    }

    /** The digit run was unbounded: a few thousand digits in one line overflowed the regex engine's stack. */
    @Test
    void leavesLongDigitRunsAlone() {
        String line = "payload " + "1234567890".repeat(500) + " dropped";

        assertThat(PersonalDataMasker.mask(line)).isSameAs(line);
    }

    @Test
    void masksPersonalDataInsideSqlErrorText() {
        String sqlError = "Key (email)=(ann@example.com) already exists; phone=(+15555550123)";

        assertThat(PersonalDataMasker.mask(sqlError))
                .doesNotContain("ann@example.com")
                .doesNotContain("5555550123")
                .contains("a***@example.com");
    }
}
