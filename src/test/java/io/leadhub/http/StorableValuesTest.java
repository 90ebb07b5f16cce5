package io.leadhub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableValuesTest {

    @Test
    void textWithoutNulOrLoneSurrogatesIsReturnedAsItIs() {
        String text = "Jos\u00e9 \uD83D\uDE00";

        assertThat(StorableValues.text(text)).isSameAs(text);
    }

    @Test
    void nulIsDroppedAndEveryLoneSurrogateReplaced() {
        assertThat(StorableValues.text("A\0n\0n")).isEqualTo("Ann");
        assertThat(StorableValues.text("end\uD83D")).isEqualTo("end\uFFFD");
        assertThat(StorableValues.text("\uDE00start")).isEqualTo("\uFFFDstart");
        assertThat(StorableValues.text("\uDE00\uD83D")).as("a low before a high is no pair").isEqualTo("\uFFFD\uFFFD");
        assertThat(StorableValues.text("\0\uD83D\uDE00\uD83D")).isEqualTo("\uD83D\uDE00\uFFFD");
    }

    @Test
    void aPayloadThatNeedsNothingIsTheSameInstance() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", "Ann");
        payload.put("tags", new ArrayList<>(List.of("a", "b")));
        payload.put("price", new BigDecimal("12.50"));
        payload.put("nested", new LinkedHashMap<>(Map.of("ok", true)));

        assertThat(StorableValues.of(payload)).isSameAs(payload);
    }

    @Test
    void keysAndValuesAreCleanedAtAnyDepthWithOrderKept() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k\0", List.of("x", "y\uD800"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("first", "unchanged");
        payload.put("nested", nested);
        payload.put("last", 7);

        Map<String, Object> clean = StorableValues.of(payload);

        assertThat(clean).isNotSameAs(payload);
        assertThat(clean.keySet()).containsExactly("first", "nested", "last");
        assertThat(clean.get("nested")).isEqualTo(Map.of("k", List.of("x", "y\uFFFD")));
        assertThat(payload.get("nested")).as("the input is left alone").isSameAs(nested);
        assertThat(nested).containsKey("k\0");
    }

    @Test
    void aNumberTooLongToReadBackOnceStoredIsInvalidJson() {
        Map<String, Object> payload = Map.of("score", List.of(new BigDecimal("1e1000")));

        assertThatThrownBy(() -> StorableValues.of(payload)).isInstanceOfSatisfying(HttpProblem.class,
                problem -> assertThat(problem.getMessage()).isEqualTo("Invalid JSON body"));
        assertThat(StorableValues.of(new BigDecimal("1e999"))).isEqualTo(new BigDecimal("1e999"));
        assertThatThrownBy(() -> StorableValues.of(new BigDecimal("1.5e-999"))).isInstanceOf(HttpProblem.class);
    }
}
