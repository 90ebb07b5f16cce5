package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void leavesIdsTimestampsAndShortNumbersAlone() {
        String line = "lead 798ae888-b4f6-40c0-923e-c8b2ec391fa6 at 2026-11-21T20:04:55Z took 123 ms on port 8080";

        assertThat(PersonalDataMasker.mask(line)).isEqualTo(line);
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
