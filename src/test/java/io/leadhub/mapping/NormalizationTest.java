package io.leadhub.mapping;

import static io.leadhub.mapping.Fixtures.json;
import static io.leadhub.mapping.Fixtures.mapping;
import static io.leadhub.mapping.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Contact;
import io.leadhub.canonical.Workflow.Note;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normalization every mapping gets, whatever its file says. */
@SuppressWarnings("unchecked")
class NormalizationTest {

    private static final LeadMapping EVERYTHING = mapping("""
            nulls: ["null", ""]
            fields:
              externalId: [id]
              firstName: [first]
              lastName: [last]
              fullName: [full]
              email: [email]
              phone: [phone]
              tags: [tags]
              viewers: [viewers]
              notes: [notes]
              price: [price]
              directPostPrice: [dpp]
              dateOfBirth: [dob]
              status.stage: [stage]
              workflow.statuses.billing: [billing]
              custom.extra: [extra]
            """);

    @Test
    void theLiteralNullMeansNoValueEverywhereInsideTheLead() {
        CanonicalLead lead = EVERYTHING.map(payload("""
                {"first": "null", "email": " NULL ", "tags": ["a", "null", "", "b"],
                 "extra": {"x": "null", "y": [1, "null"]}, "stage": "null"}"""));

        assertThat(lead.contact()).isEqualTo(Contact.EMPTY);
        assertThat(lead.workflow().tags()).containsExactly("a", "b");
        assertThat(lead.workflow().statuses()).isEmpty();
        assertThat(lead.custom()).isEqualTo(Map.of("extra", Map.of("y", java.util.List.of(1))));
    }

    @Test
    void ghlAttributionNullsAreAbsent() {
        Map<String, Object> ghl = json("ghl-workflow-webhook-form.json");
        ((Map<String, Object>) ghl.get("customData")).put("UTM Term", "null");

        CanonicalLead lead = Fixtures.shipped().get("ghl").map(ghl);

        assertThat(lead.attribution().utmTerm()).isNull();
        assertThat((Map<String, Object>) lead.custom().get("customData")).doesNotContainKey("UTM Term");
    }

    @Test
    void withoutANullsSettingTheWordNullIsAValue() {
        LeadMapping mapping = mapping("fields: { firstName: [first] }");

        assertThat(mapping.map(Map.of("first", "null")).contact().firstName()).isEqualTo("null");
        assertThat(mapping.map(Map.of("first", "  ")).contact().firstName()).isNull();
    }

    @Test
    void numbersAndStringsAreAcceptedAlike() {
        CanonicalLead fromNumbers = EVERYTHING.map(payload("""
                {"id": 123, "price": 12.5, "dpp": 3, "phone": 5555550123}"""));
        CanonicalLead fromStrings = EVERYTHING.map(payload(
                "{\"id\": \"123\", \"price\": \"12.5\", \"dpp\": \"3\", \"phone\": \"5555550123\"}"));

        assertThat(fromNumbers.externalId()).isEqualTo("123");
        assertThat(fromNumbers.attribution().price()).isEqualByComparingTo("12.5");
        assertThat(fromNumbers.attribution().directPostPrice()).isEqualTo(new BigDecimal("3"));
        assertThat(fromNumbers.contact().phone()).isEqualTo("+15555550123");
        assertThat(fromNumbers.contact().phoneOriginal()).isEqualTo("5555550123");
        assertThat(fromStrings).isEqualTo(fromNumbers);
    }

    @Test
    void pricesKeepTheirWrittenScale() {
        assertThat(EVERYTHING.map(Map.of("price", "12.50")).attribution().price()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void aPriceThatIsNotANumberStaysInCustom() {
        CanonicalLead lead = EVERYTHING.map(Map.of("price", "$12"));

        assertThat(lead.attribution().price()).isNull();
        assertThat(lead.custom()).isEqualTo(Map.of("price", "$12"));
    }

    @Test
    void stringsAreTrimmedAndEmailsLowerCased() {
        CanonicalLead lead = EVERYTHING.map(Map.of("first", "  Alex ", "email", "  JohnDeo@Gmail.COM "));

        assertThat(lead.contact().firstName()).isEqualTo("Alex");
        assertThat(lead.contact().email()).isEqualTo("johndeo@gmail.com");
    }

    @Test
    void noBreakSpacesAroundTextAreTrimmedToo() {
        CanonicalLead lead = EVERYTHING.map(Map.of("first", "\u00a0Alex\u202f", "email", "\ufeff\u00a0Ann@Example.com\u00a0",
                "tags", "vip,\u00a0solar\u2007"));

        assertThat(lead.contact().firstName()).isEqualTo("Alex");
        assertThat(lead.contact().email()).isEqualTo("ann@example.com");
        assertThat(lead.workflow().tags()).containsExactly("vip", "solar");
    }

    @Test
    void anEmailWithANoBreakSpaceInsideIsNoEmail() {
        CanonicalLead lead = EVERYTHING.map(Map.of("first", "Ann", "email", "ann\u00a0lee@example.com"));

        assertThatThrownBy(() -> EVERYTHING.validate(lead)).isInstanceOfSatisfying(LeadValidationException.class,
                refused -> assertThat(refused.invalid()).containsOnlyKeys("email"));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "(555) 555-0123    | US | +15555550123",
            "555.555.0123      | US | +15555550123",
            "+60 12-345 6789   | US | +60123456789",
            "07911 123456      | GB | +447911123456",
            "' call me maybe ' | US | call me maybe",
            "12                | US | 12",
            "555-0147          | US | 555-0147",
            "'\u00a0512 555 0147\u00a0' | US | +15125550147",
    })
    void phonesBecomeE164WhenPossibleAndAreKeptAsSentOtherwise(String sent, String region, String expected) {
        LeadMapping mapping = mapping("defaultRegion: " + region + "\nfields: { phone: [phone] }");

        Contact contact = mapping.map(Map.of("phone", sent)).contact();

        assertThat(contact.phone()).isEqualTo(expected);
        assertThat(contact.phoneOriginal()).isEqualTo(sent.replace('\u00a0', ' ').strip());
    }

    @Test
    void phoneOriginalIsWhatTheSourceSentEvenAfterTransforms() {
        LeadMapping mapping = mapping("fields: { phone: { from: [phone], transform: [phone] } }");

        Contact contact = mapping.map(Map.of("phone", "555 555 0123")).contact();

        assertThat(contact.phone()).isEqualTo("+15555550123");
        assertThat(contact.phoneOriginal()).isEqualTo("555 555 0123");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // full name only: split at the first space
            "-      | -         | Ludwig van Beethoven | Ludwig | van Beethoven | Ludwig van Beethoven",
            "-      | -         | Juan García López    | Juan   | García López  | Juan García López",
            "-      | -         | Cher                 | Cher   | -             | Cher",
            // first and/or last only: the full name is joined
            "Jordan | Example   | -                    | Jordan | Example       | Jordan Example",
            "Jordan | -         | -                    | Jordan | -             | Jordan",
            "-      | Example   | -                    | -      | Example       | Example",
            // all present, or a first name beside a full name: nothing is rewritten
            "Jo     | Ex        | Jordan Example       | Jo     | Ex            | Jordan Example",
            "Jordan | -         | Jordan Example       | Jordan | -             | Jordan Example",
    })
    void namesAreSplitAndJoined(String first, String last, String full,
                                String expectedFirst, String expectedLast, String expectedFull) {
        Map<String, Object> sent = new java.util.HashMap<>();
        sent.put("first", first);
        sent.put("last", last);
        sent.put("full", full);

        Contact contact = EVERYTHING.map(sent).contact();

        assertThat(contact.firstName()).isEqualTo(expectedFirst);
        assertThat(contact.lastName()).isEqualTo(expectedLast);
        assertThat(contact.fullName()).isEqualTo(expectedFull);
    }

    @Test
    void tagsAndViewersComeFromArraysOrCommaJoinedStrings() {
        CanonicalLead lead = EVERYTHING.map(payload("""
                {"tags": " website lead, solar,, ", "viewers": ["a@example.com", " b@example.com "]}"""));

        assertThat(lead.workflow().tags()).containsExactly("website lead", "solar");
        assertThat(lead.workflow().viewers()).containsExactly("a@example.com", "b@example.com");
        assertThat(EVERYTHING.map(Map.of("viewers", "a@example.com,b@example.com")).workflow().viewers())
                .containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void notesComeFromTextOrLeadflipObjects() {
        assertThat(EVERYTHING.map(Map.of("notes", "Called back")).workflow().notes())
                .containsExactly(new Note("Called back", null));
        assertThat(EVERYTHING.map(payload("""
                {"notes": ["first", {"text": "second", "tag": "sales"}, "null", {"Text": "third"}]}"""))
                .workflow().notes())
                .containsExactly(new Note("first", null), new Note("second", "sales"), new Note("third", null));
    }

    @Test
    void aNoteObjectWithoutTextStaysInCustom() {
        CanonicalLead lead = EVERYTHING.map(payload("{\"notes\": {\"tag\": \"sales\"}}"));

        assertThat(lead.workflow().notes()).isEmpty();
        assertThat(lead.custom()).isEqualTo(Map.of("notes", Map.of("tag", "sales")));
    }

    @Test
    void statusesAreKeyedByPipeline() {
        CanonicalLead lead = EVERYTHING.map(Map.of("stage", "New", "billing", 2));

        assertThat(lead.workflow().statuses()).isEqualTo(Map.of("stage", "New", "billing", "2"));
    }

    @Test
    void datesOfBirthAcceptIsoDatesDateTimesAndEpochMillisWithoutATransform() {
        assertThat(EVERYTHING.map(Map.of("dob", "2000-01-05")).dateOfBirth()).isEqualTo(LocalDate.of(2000, 1, 5));
        assertThat(EVERYTHING.map(Map.of("dob", "2000-01-05T00:00:00.000Z")).dateOfBirth())
                .isEqualTo(LocalDate.of(2000, 1, 5));
        assertThat(EVERYTHING.map(Map.of("dob", 946684800000L)).dateOfBirth()).isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void aWholeNumberIsReadAsItsDigitsWouldBeWithOrWithoutAPattern() {
        LeadMapping patterned = mapping("fields: { dateOfBirth: { from: [dob], transform: [\"date:ddMMyyyy\"] } }");

        assertThat(EVERYTHING.map(Map.of("dob", 19900417)).dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 17));
        assertThat(EVERYTHING.map(Map.of("dob", 19900417.0)).dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 17));
        assertThat(patterned.map(Map.of("dob", 17041990)).dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 17));
        CanonicalLead fraction = EVERYTHING.map(Map.of("dob", 19900417.5));
        assertThat(fraction.dateOfBirth()).isNull();
        assertThat(fraction.custom()).containsKey("dob");
    }

    @Test
    void epochSecondsAreReadWithTheExpressionTheDocsGive() {
        LeadMapping seconds = mapping("fields: { dateOfBirth: { expression: \"$fromMillis(dob * 1000)\" } }");

        assertThat(seconds.map(Map.of("dob", 640310400)).dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 17));
    }

    @Test
    void anUnreadableDateStaysInCustom() {
        CanonicalLead lead = EVERYTHING.map(Map.of("dob", "5th of Jan"));

        assertThat(lead.dateOfBirth()).isNull();
        assertThat(lead.custom()).isEqualTo(Map.of("dob", "5th of Jan"));
    }

    @Test
    void mapNeverThrowsForMissingData() {
        CanonicalLead lead = EVERYTHING.map(Map.of());

        assertThat(lead.contact()).isEqualTo(Contact.EMPTY);
        assertThat(lead.custom()).isEmpty();
        assertThat(EVERYTHING.map(null).custom()).isEmpty();
    }
}
