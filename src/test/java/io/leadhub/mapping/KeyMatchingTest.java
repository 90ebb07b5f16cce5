package io.leadhub.mapping;

import static io.leadhub.mapping.Fixtures.json;
import static io.leadhub.mapping.Fixtures.mapping;
import static io.leadhub.mapping.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.canonical.CanonicalLead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How source paths find payload keys, and what counts as consumed. */
@SuppressWarnings("unchecked")
class KeyMatchingTest {

    @ParameterizedTest
    @ValueSource(strings = {"utm_source", "UTM Source", "utmSource", "utm-source", "UTMSOURCE", " utm source "})
    void keysMatchIgnoringCaseSpacesUnderscoresAndDashes(String sentKey) {
        LeadMapping mapping = mapping("fields: { utmSource: [utm_source] }");

        CanonicalLead lead = mapping.map(Map.of(sentKey, "google"));

        assertThat(lead.attribution().utmSource()).isEqualTo("google");
        assertThat(lead.custom()).isEmpty();
    }

    @Test
    void everyPathSegmentIsNormalized() {
        LeadMapping mapping = mapping("fields: { utmSource: [custom_data.utm_source] }");

        CanonicalLead lead = mapping.map(payload("{\"Custom Data\": {\"UTM Source\": \"google\", \"Other\": 1}}"));

        assertThat(lead.attribution().utmSource()).isEqualTo("google");
        assertThat(lead.custom()).isEqualTo(Map.of("Custom Data", Map.of("Other", 1)));
    }

    @Test
    void aLiteralKeyWithDotsWinsOverNestingAndTheNestedValueStaysInCustom() {
        LeadMapping mapping = mapping("fields: { utmSource: [utm.source] }");

        CanonicalLead lead = mapping.map(payload("{\"utm.source\": \"literal\", \"utm\": {\"source\": \"nested\"}}"));

        assertThat(lead.attribution().utmSource()).isEqualTo("literal");
        assertThat(lead.custom()).isEqualTo(Map.of("utm", Map.of("source", "nested")));
    }

    @Test
    void nestedPathsAreFoundWhenNoLiteralKeyExists() {
        LeadMapping mapping = mapping("fields: { utmSource: [utm.source] }");

        assertThat(mapping.map(payload("{\"utm\": {\"source\": \"nested\"}}")).attribution().utmSource())
                .isEqualTo("nested");
    }

    @Test
    void formLabelsWithPunctuationWorkAsKeys() {
        LeadMapping mapping = mapping("""
                fields:
                  custom.propertyType: ["Property Type (Condo/Apartment not suitable)"]
                  custom.greeting: ["customData.Mr. Name"]
                """);
        Map<String, Object> ghl = json("ghl-workflow-webhook-form.json");
        ((Map<String, Object>) ghl.get("customData")).put("Mr. Name", "Jordan");

        CanonicalLead lead = mapping.map(ghl);

        assertThat(lead.custom()).containsEntry("propertyType", "Landed").containsEntry("greeting", "Jordan")
                .doesNotContainKey("Property Type (Condo/Apartment not suitable)");
        assertThat((Map<String, Object>) lead.custom().get("customData")).doesNotContainKey("Mr. Name");
    }

    @Test
    void firstPresentCandidateWinsAndLaterCandidatesStayInCustom() {
        LeadMapping mapping = mapping("fields: { externalId: [contact_id, id, contact.id] }");

        CanonicalLead lead = mapping.map(payload("""
                {"id": "b", "contact": {"id": "c"}, "contact_id": "a"}"""));

        assertThat(lead.externalId()).isEqualTo("a");
        assertThat(lead.custom()).isEqualTo(Map.of("id", "b", "contact", Map.of("id", "c")));
    }

    @Test
    void emptyCandidatesAreSkippedAndConsumed() {
        LeadMapping mapping = mapping("""
                nulls: ["null", ""]
                fields: { email: [email, contact.email] }
                """);

        CanonicalLead lead = mapping.map(payload("{\"email\": \"null\", \"contact\": {\"email\": \"a@example.com\"}}"));

        assertThat(lead.contact().email()).isEqualTo("a@example.com");
        assertThat(lead.custom()).isEmpty();
    }

    @Test
    void twoSpellingsOfOneKeyInOneObjectAreBothCandidates() {
        LeadMapping mapping = mapping("fields: { email: [email] }");

        CanonicalLead lead = mapping.map(payload("{\"email\": \"\", \"Email\": \"b@example.com\"}"));

        assertThat(lead.contact().email()).isEqualTo("b@example.com");
        assertThat(lead.custom()).isEmpty();
    }

    @Test
    void aValueThatDoesNotFitItsTargetIsNotConsumed() {
        LeadMapping mapping = mapping("fields: { firstName: [name, first_name] }");

        CanonicalLead lead = mapping.map(payload("{\"name\": {\"first\": \"Al\"}, \"first_name\": \"Alex\"}"));

        assertThat(lead.contact().firstName()).isEqualTo("Alex");
        assertThat(lead.custom()).isEqualTo(Map.of("name", Map.of("first", "Al")));
    }

    @Test
    void objectsWhoseKeysWereAllConsumedDisappearButObjectsThatArrivedEmptyStay() {
        LeadMapping mapping = mapping("fields: { email: [contact.email], phone: [contact.phone] }");

        CanonicalLead lead = mapping.map(payload("""
                {"contact": {"email": "a@example.com", "phone": "+15555550123"}, "extra": {}, "blank": ""}"""));

        assertThat(lead.custom()).isEqualTo(Map.of("extra", Map.of(), "blank", ""));
    }

    @Test
    void pathsDoNotDescendIntoArrays() {
        LeadMapping mapping = mapping("fields: { email: [emails.0, emails] }");

        CanonicalLead lead = mapping.map(payload("{\"emails\": [\"a@example.com\", \"b@example.com\"]}"));

        // The whole array is the only match; a list becomes comma-joined text for a text field.
        assertThat(lead.contact().email()).isEqualTo("a@example.com, b@example.com");
    }

    @Test
    void flattenSplitsKeysAndSourcePathsOnTheSeparator() {
        LeadMapping mapping = mapping("""
                flatten: "__"
                fields:
                  email: [contact.email]
                  phone: [contact__phone]
                  utmSource: [utm.source]
                """);

        CanonicalLead lead = mapping.map(payload("""
                {"contact__email": "a@example.com", "contact": {"phone": "+15555550123"}, "UTM__Source": "fb",
                 "utm__medium": "cpc"}"""));

        assertThat(lead.contact().email()).isEqualTo("a@example.com");
        assertThat(lead.contact().phone()).isEqualTo("+15555550123");
        assertThat(lead.attribution().utmSource()).isEqualTo("fb");
        assertThat(lead.custom()).isEqualTo(Map.of("utm__medium", "cpc"));
    }

    @Test
    void withoutFlattenDoubleUnderscoresAreJustIgnoredCharacters() {
        LeadMapping mapping = mapping("fields: { utmSource: [utm_source] }");

        assertThat(mapping.map(Map.of("utm__source", "fb")).attribution().utmSource()).isEqualTo("fb");
    }

    @Test
    void formFieldsWithRepeatedKeysArriveAsListsAndWork() {
        LeadMapping mapping = mapping("fields: { tags: [tag] }");

        assertThat(mapping.map(Map.of("tag", List.of("a", "b"))).workflow().tags()).containsExactly("a", "b");
    }
}
