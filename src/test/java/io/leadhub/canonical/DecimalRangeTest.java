package io.leadhub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalRangeTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.00", "7", "-7", "12.50", "1e3", "-1.5e2", "0.001", "-0.000123", "123.456",
            "1e-5", "9.99e-1", "10", "-1234567890.0987654321"})
    void theWrittenLengthIsThatOfThePlainString(String number) {
        BigDecimal value = new BigDecimal(number);

        assertThat(DecimalRange.writtenLength(value)).isEqualTo(value.toPlainString().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e998", "1e-998", "-1e-997", "0.5e-997"})
    void aThousandCharactersFit(String number) {
        assertThat(new BigDecimal(number).toPlainString()).hasSize(1_000);
        assertThat(DecimalRange.contains(new BigDecimal(number))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "-1e999", "1e-999", "1e200000", "1e-16383"})
    void moreDoNot(String number) {
        assertThat(DecimalRange.contains(new BigDecimal(number))).isFalse();
    }
}
