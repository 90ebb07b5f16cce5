package io.leadhub.mapping;

import static io.leadhub.mapping.Fixtures.mapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link LeadMapping#validate} refuses, and how it says so. */
class ValidationTest {

    private static final LeadMapping CONTACT_ONLY = mapping("""
            fields: { firstName: [first], lastName: [last], email: [email], phone: [phone], city: [city] }
            """);

    private static LeadValidationException refusal(LeadMapping mapping, Map<String, Object> payload) {
        return catchThrowableOfType(LeadValidationException.class,
                () -> mapping.validate(mapping.map(payload)));
    }

    @Test
    void aLeadWithoutNameEmailOrPhoneIsRefused() {
        LeadValidationException e = refusal(CONTACT_ONLY, Map.of("city", "Austin"));

        assertThat(e.missing()).containsExactly("name", "email", "phone");
        assertThat(e.invalid()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("Lead needs a name, email or phone");
    }

    @Test
    void anyOneOfNameEmailOrPhoneIsEnough() {
        for (Map<String, Object> payload : java.util.List.<Map<String, Object>>of(
                Map.of("last", "Example"), Map.of("email", "a@example.com"), Map.of("phone", "not a number"))) {
            assertThatCode(() -> CONTACT_ONLY.validate(CONTACT_ONLY.map(payload))).as("%s", payload)
                    .doesNotThrowAnyException();
        }
    }

    /** Both end up in unique or plain indexes, and no real one is this long. */
    @Test
    void anEmailOver254OrAnExternalIdOver255CharactersIsInvalid() {
        LeadMapping mapping = mapping("""
                fields: { externalId: [id], email: [email] }
                """);
        String longestEmail = "a".repeat(242) + "@example.com";

        LeadValidationException e = refusal(mapping, Map.of("id", "i".repeat(256), "email", "b" + longestEmail));

        assertThat(longestEmail).hasSize(254);
        assertThat(e.invalid()).containsExactly(Map.entry("email", "not an email address"),
                Map.entry("externalId", "longer than 255 characters"));
        assertThatCode(() -> mapping.validate(mapping.map(Map.of("id", "i".repeat(255), "email", longestEmail))))
                .doesNotThrowAnyException();
    }

    @Test
    void requiredFieldsAreReportedByCanonicalName() {
        LeadMapping mapping = mapping("""
                fields: { phone: [phone], email: [email] }
                required: [contact.email]
                """);

        LeadValidationException e = refusal(mapping, Map.of("phone", "+15555550123"));

        assertThat(e.missing()).containsExactly("email");
        assertThat(e.getMessage()).isEqualTo("Missing required field: email");
    }

    @Test
    void everyMissingRequiredFieldIsListedInFileOrder() {
        LeadMapping mapping = mapping("""
                fields: { phone: [phone], status.stage: [stage], custom.consent: [consent], tags: [tags] }
                required: [postalCode, status.stage, custom.consent, tags]
                """);

        LeadValidationException e = refusal(mapping, Map.of("phone", "+15555550123", "tags", ""));

        assertThat(e.missing()).containsExactly("postalCode", "status.stage", "custom.consent", "tags");
        assertThat(e.getMessage())
                .isEqualTo("Missing required fields: postalCode, status.stage, custom.consent, tags");
    }

    @Test
    void theNoContactRuleAndRequiredFieldsAreReportedTogetherWithoutRepeats() {
        LeadMapping mapping = mapping("""
                fields: { email: [email], city: [city] }
                required: [email, postalCode]
                """);

        LeadValidationException e = refusal(mapping, Map.of("city", "Austin"));

        assertThat(e.missing()).containsExactly("name", "email", "phone", "postalCode");
        assertThat(e.getMessage()).isEqualTo("Lead needs a name, email or phone; Missing required field: postalCode");
    }

    @Test
    void requiredFieldsThatArePresentPass() {
        LeadMapping mapping = mapping("""
                fields: { email: [email], custom.consent: [consent] }
                required: [email, custom.consent]
                """);

        assertThatCode(() -> mapping.validate(mapping.map(Map.of("email", "a@example.com", "consent", true))))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmailWithoutAnEmailShapeIsInvalid() {
        for (String bad : new String[] {"jordan", "jordan@example", "jordan@@example.com", "jor dan@example.com"}) {
            LeadValidationException e = refusal(CONTACT_ONLY, Map.of("email", bad));

            assertThat(e).as(bad).isNotNull();
            assertThat(e.missing()).isEmpty();
            assertThat(e.invalid()).isEqualTo(Map.of("email", "not an email address"));
            assertThat(e.getMessage()).isEqualTo("Invalid email: not an email address");
        }
    }

    @Test
    void missingAndInvalidAreReportedTogether() {
        LeadMapping mapping = mapping("""
                fields: { email: [email] }
                required: [phone]
                """);

        LeadValidationException e = refusal(mapping, Map.of("email", "nope"));

        assertThat(e.missing()).containsExactly("phone");
        assertThat(e.invalid()).containsOnlyKeys("email");
        assertThat(e.getMessage()).isEqualTo("Missing required field: phone; Invalid email: not an email address");
    }
}
