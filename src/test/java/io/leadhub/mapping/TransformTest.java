package io.leadhub.mapping;

import static io.leadhub.mapping.Fixtures.mapping;
import static io.leadhub.mapping.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadhub.canonical.CanonicalLead;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each named transform on its own, then chained inside mapping files. */
class TransformTest {

    private static final Settings US = new Settings(NullValues.of(List.of("null")), null, "US");

    private static Object apply(String transform, Object value) {
        return Transform.parse(transform, US).apply(value);
    }

    @Test
    void textTransforms() {
        assertThat(apply("trim", "  a b  ")).isEqualTo("a b");
        assertThat(apply("lower", "JoRDan@Example.COM")).isEqualTo("jordan@example.com");
        assertThat(apply("upper", "my")).isEqualTo("MY");
        assertThat(apply("upper", List.of("my", "sg"))).isEqualTo(List.of("MY", "SG"));
        assertThat(apply("trim", 42)).isEqualTo("42");
    }

    @Test
    void splitComma() {
        assertThat(apply("split-comma", " website lead, solar,, ")).isEqualTo(List.of("website lead", "solar"));
        assertThat(apply("split-comma", List.of("a,b", "c", "null"))).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void join() {
        assertThat(apply("join", List.of("Jordan", "null", "Example"))).isEqualTo("Jordan Example");
        assertThat(apply("join", "already text")).isEqualTo("already text");
    }

    @Test
    void firstWordAndRestWordsSplitAFullName() {
        assertThat(apply("first-word", " Juan García López ")).isEqualTo("Juan");
        assertThat(apply("rest-words", " Juan García López ")).isEqualTo("García López");
        assertThat(apply("first-word", "Cher")).isEqualTo("Cher");
        assertThat(apply("rest-words", "Cher")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2000-01-05, 2000-01-05",
            "2000-01-05T00:00:00.000Z, 2000-01-05",
            // the date as written, not moved to UTC
            "2000-01-05T23:30:00-05:00, 2000-01-05",
            "2000-01-05T10:15:00, 2000-01-05",
            "946684800000, 2000-01-01",
            "20000105, 2000-01-05",
    })
    void dateReadsIsoTextAndEpochMillis(String sent, LocalDate expected) {
        assertThat(apply("date", sent)).isEqualTo(expected);
    }

    @Test
    void dateReadsEpochMillisAsNumbers() {
        assertThat(apply("date", 946684800000L)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(apply("date", 9.466848E11)).isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void datePatterns() {
        assertThat(apply("date:MM/dd/yyyy", "01/05/2000")).isEqualTo(LocalDate.of(2000, 1, 5));
        assertThat(apply("date:dd.MM.yyyy", "05.01.2000")).isEqualTo(LocalDate.of(2000, 1, 5));
        assertThat(apply("date:d MMM yyyy", "5 Jan 2000")).isEqualTo(LocalDate.of(2000, 1, 5));
    }

    @Test
    void dateRefusesWhatItCannotRead() {
        assertThatThrownBy(() -> apply("date", "01/05/2000")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("date:MM/dd/yyyy", "2000-01-05")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("date", 1.5)).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("date:MM/dd/yyyy", "02/30/2000")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("date", "99999999999999999999")).isInstanceOf(ValueException.class);
    }

    /** Years 1 to 9999 only: beyond them a value is no date of birth, and PostgreSQL would refuse the lead. */
    @Test
    void dateRefusesYearsOutsideOneTo9999() {
        // Epoch seconds sent where milliseconds are expected lands in year 3,170,000 and more.
        assertThatThrownBy(() -> apply("date", 99999999999999999L)).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("date", "-99999999999999")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("date", "+10000-01-01")).isInstanceOf(ValueException.class);
        assertThat(apply("date", "9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(apply("date", "0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    }

    @Test
    void number() {
        assertThat(apply("number", " 12.50 ")).isEqualTo(new BigDecimal("12.50"));
        assertThat(apply("number", 7)).isEqualTo(new BigDecimal("7"));
        assertThat(apply("number", 2.5)).isEqualTo(new BigDecimal("2.5"));
        assertThatThrownBy(() -> apply("number", "12 dollars")).isInstanceOf(ValueException.class);
    }

    /** PostgreSQL's numeric range, and no more than 1,000 characters of text (parsing longer is quadratic). */
    @Test
    void numberRefusesWhatCouldNotBeReadBackOnceStored() {
        assertThatThrownBy(() -> apply("number", "1e200000")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("number", "1e-20000")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("number", new BigDecimal("1e999999999"))).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> apply("number", "9".repeat(1001))).isInstanceOf(ValueException.class);
        assertThat(apply("number", "9".repeat(1000))).isEqualTo(new BigDecimal("9".repeat(1000)));
        assertThatThrownBy(() -> apply("number", "1e1000")).isInstanceOf(ValueException.class);
        assertThat(apply("number", "1e999")).isEqualTo(new BigDecimal("1e999"));
    }

    @Test
    void booleanReadsFormAndJsonSpellings() {
        for (Object yes : Arrays.asList("true", "Yes", "y", "1", "on", "checked", true, 1)) {
            assertThat(apply("boolean", yes)).as("%s", yes).isEqualTo(true);
        }
        for (Object no : Arrays.asList("false", "NO", "n", "0", "off", false, 0)) {
            assertThat(apply("boolean", no)).as("%s", no).isEqualTo(false);
        }
        assertThatThrownBy(() -> apply("boolean", "maybe")).isInstanceOf(ValueException.class);
    }

    @Test
    void phone() {
        assertThat(apply("phone", "(555) 555-0123")).isEqualTo("+15555550123");
        assertThat(apply("phone", "not a phone")).isEqualTo("not a phone");
        assertThat(Transform.parse("phone", new Settings(NullValues.EMPTY_ONLY, null, "MY")).apply("012-345 6789"))
                .isEqualTo("+60123456789");
    }

    @Test
    void transformsRunInOrderInsideAMappingFile() {
        LeadMapping mapping = mapping("""
                fields:
                  tags: { from: [labels], transform: [upper, split-comma] }
                  firstName: { from: [name], transform: [first-word, lower] }
                  custom.birthday: { from: [dob], transform: ["date:MM/dd/yyyy"] }
                  custom.optIn: { from: [opt_in], transform: [boolean] }
                  custom.score: { from: [score], transform: [number] }
                  custom.mobile: { from: [mobile], transform: [phone] }
                """);

        CanonicalLead lead = mapping.map(payload("""
                {"labels": "hot, solar", "name": "JORDAN Example", "dob": "01/05/2000", "opt_in": "yes",
                 "score": "7.5", "mobile": "555-555-0123"}"""));

        assertThat(lead.workflow().tags()).containsExactly("HOT", "SOLAR");
        assertThat(lead.contact().firstName()).isEqualTo("jordan");
        // Dates in custom are ISO text, since custom is stored as JSON.
        assertThat(lead.custom()).isEqualTo(Map.of("birthday", "2000-01-05", "optIn", true,
                "score", new BigDecimal("7.5"), "mobile", "+15555550123"));
    }

    @Test
    void aCandidateATransformCannotReadIsSkippedAndKeptInCustom() {
        LeadMapping mapping = mapping("""
                fields:
                  dateOfBirth: { from: [dob, birth_date], transform: ["date:MM/dd/yyyy"] }
                """);

        CanonicalLead lead = mapping.map(payload("{\"dob\": \"unknown\", \"birth_date\": \"01/05/2000\"}"));

        assertThat(lead.dateOfBirth()).isEqualTo(LocalDate.of(2000, 1, 5));
        assertThat(lead.custom()).isEqualTo(Map.of("dob", "unknown"));
    }

    @Test
    void aTransformResultThatMeansNoValueMakesTheRuleTryTheNextCandidate() {
        LeadMapping mapping = mapping("fields: { lastName: { from: [name, surname], transform: [rest-words] } }");

        CanonicalLead lead = mapping.map(payload("{\"name\": \"Cher\", \"surname\": \"Sarkisian Smith\"}"));

        assertThat(lead.contact().lastName()).isEqualTo("Smith");
        // "Cher" said something even though it has no last name, so it is not thrown away.
        assertThat(lead.custom()).isEqualTo(Map.of("name", "Cher"));
    }
}
