package io.leadhub.mapping;

import static io.leadhub.mapping.Fixtures.json;
import static io.leadhub.mapping.Fixtures.mapping;
import static io.leadhub.mapping.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.canonical.CanonicalLead;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Constants, defaults, JSONata expressions, custom.* and status.* targets. */
@SuppressWarnings("unchecked")
class RuleSourcesTest {

    @Test
    void constantsAreSetWhateverThePayloadSays() {
        LeadMapping mapping = mapping("""
                fields:
                  practiceArea: { constant: "Solar" }
                  tags: { constant: [web, inbound] }
                  price: { constant: 12.5 }
                """);

        CanonicalLead lead = mapping.map(Map.of("practiceArea", "Roofing"));

        assertThat(lead.workflow().practiceArea()).isEqualTo("Solar");
        assertThat(lead.workflow().tags()).containsExactly("web", "inbound");
        assertThat(lead.attribution().price()).isEqualByComparingTo("12.5");
        // A constant reads nothing, so the payload's own key is still kept.
        assertThat(lead.custom()).isEqualTo(Map.of("practiceArea", "Roofing"));
    }

    @Test
    void defaultsFillInWhenNoCandidateHasAValue() {
        LeadMapping mapping = mapping("""
                nulls: ["null"]
                fields:
                  entity: { from: [entity, lead_object], default: "lead" }
                """);

        assertThat(mapping.map(Map.of()).workflow().entity()).isEqualTo("lead");
        assertThat(mapping.map(Map.of("entity", "null")).workflow().entity()).isEqualTo("lead");
        assertThat(mapping.map(Map.of("lead_object", "solar_leads")).workflow().entity()).isEqualTo("solar_leads");
    }

    @Test
    void expressionsAreJsonataOnThePayloadAndConsumeNothing() {
        LeadMapping mapping = mapping("""
                fields:
                  fullName: { expression: "$join([first_name, last_name], ' ')" }
                """);

        CanonicalLead lead = mapping.map(payload("{\"first_name\": \"Jordan\", \"last_name\": \"Example\"}"));

        assertThat(lead.contact().fullName()).isEqualTo("Jordan Example");
        assertThat(lead.contact().firstName()).isEqualTo("Jordan");
        assertThat(lead.custom()).isEqualTo(Map.of("first_name", "Jordan", "last_name", "Example"));
    }

    @Test
    void expressionsReachKeysWithSpacesAndArrays() {
        LeadMapping mapping = mapping("""
                fields:
                  utmSource: { expression: "customData.`UTM Source`" }
                  custom.company: { expression: "customFields[id='BcdmQEsNgz6AVpgLVUJ0'].value" }
                """);
        Map<String, Object> ghl = json("ghl-contact-create.json");
        ghl.put("customData", Map.of("UTM Source", "google"));

        CanonicalLead lead = mapping.map(ghl);

        assertThat(lead.attribution().utmSource()).isEqualTo("google");
        assertThat(lead.custom()).containsEntry("company", "XYZ Corp");
    }

    @Test
    void expressionsSeeFlattenedKeysAsNesting() {
        LeadMapping mapping = mapping("""
                flatten: "__"
                fields:
                  utmSource: { expression: "utm.source" }
                """);

        CanonicalLead lead = mapping.map(payload("{\"utm__source\": \"facebook\"}"));

        assertThat(lead.attribution().utmSource()).isEqualTo("facebook");
        assertThat(lead.custom()).isEqualTo(Map.of("utm__source", "facebook"));
    }

    @Test
    void anExpressionThatFailsOnThisPayloadIsNoValue() {
        LeadMapping mapping = mapping("""
                fields:
                  price: { expression: "amount * 2", default: 0 }
                """);

        assertThat(mapping.map(Map.of("amount", "not a number")).attribution().price()).isEqualByComparingTo("0");
        assertThat(mapping.map(Map.of("amount", 2)).attribution().price()).isEqualByComparingTo("4");
    }

    @Test
    // Only so that an unbounded engine fails the test instead of hanging the build; not a speed goal.
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anExpressionThatRecursesWithoutEndOrGivesAFunctionIsNoValue() {
        LeadMapping mapping = mapping("""
                fields:
                  utmCampaign: { expression: "($f := function($x){ $f($x) + 1 }; $f(1))", default: d }
                  utmSource: { expression: "$uppercase", default: s }
                  custom.fn: { expression: "$lowercase" }
                  city: { expression: "($g := function($x){ $g($x) }; $g(1))", default: loop }
                """);

        CanonicalLead lead = mapping.map(Map.of("email", "x@example.com"));

        assertThat(lead.attribution().utmCampaign()).isEqualTo("d");
        assertThat(lead.attribution().utmSource()).isEqualTo("s");
        assertThat(lead.custom()).doesNotContainKey("fn");
        assertThat(lead.address().city()).as("a tail call loops instead of overflowing").isEqualTo("loop");
    }

    @Test
    void expressionResultsGoThroughTransforms() {
        LeadMapping mapping = mapping("""
                fields:
                  tags: { expression: "$join([source, medium], ',')", transform: [lower] }
                """);

        assertThat(mapping.map(Map.of("source", "Google", "medium", "CPC")).workflow().tags())
                .containsExactly("google", "cpc");
    }

    @Test
    void oneMappingServesConcurrentRequests() {
        LeadMapping mapping = mapping("""
                fields:
                  fullName: { expression: "$join([first, last], ' ')" }
                  email: [email]
                """);

        List<String> expected = IntStream.range(0, 2000).mapToObj(i -> "A" + i + " B" + i).toList();
        List<String> mapped = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> mapping.map(Map.of("first", "A" + i, "last", "B" + i, "email", i + "@example.com")))
                .map(lead -> lead.contact().fullName())
                .toList();

        assertThat(mapped).isEqualTo(expected);
    }

    @Test
    void customTargetsRenameAKeyInsideCustom() {
        LeadMapping mapping = mapping("""
                fields:
                  custom.campaignId: ["Campaign ID"]
                """);

        CanonicalLead lead = mapping.map(json("ghl-workflow-webhook-form.json"));

        assertThat(lead.custom()).containsEntry("campaignId", "cmp-2025-06").doesNotContainKey("Campaign ID");
        assertThat((Map<String, Object>) lead.custom().get("customData")).containsEntry("Campaign ID", "cmp-2025-06");
    }

    @Test
    void aCustomTargetNeverOverwritesAnUnconsumedKeyOfTheSameName() {
        LeadMapping mapping = mapping("fields: { custom.age: [years] }");

        CanonicalLead lead = mapping.map(payload("{\"years\": 3, \"age\": 27}"));

        assertThat(lead.custom()).isEqualTo(Map.of("age", 3, "age (unmapped)", 27));
    }

    @Test
    void leadflipIntakeWithStatusAndEntity() {
        LeadMapping mapping = mapping("""
                fields:
                  entity: [entity, lead_object]
                  fullName: [lead_name]
                  email: [email]
                  status.stage: ["status:stage"]
                """);

        CanonicalLead lead = mapping.map(json("leadflip-intake.json"));

        assertThat(lead.workflow().entity()).isEqualTo("solar_leads");
        assertThat(lead.workflow().statuses()).isEqualTo(Map.of("stage", "New"));
        assertThat(lead.contact().firstName()).isEqualTo("Jane");
        assertThat(lead.contact().lastName()).isEqualTo("Doe");
        assertThat(lead.custom()).isEmpty();
    }

    @Test
    void leadpingFlatIntakeByShortAliases() {
        LeadMapping mapping = mapping("""
                fields:
                  firstName: [firstName]
                  phone: [phone]
                  trustedFormUrl: [trustedFormUrl]
                """);

        CanonicalLead lead = mapping.map(json("leadping-intake-flat.json"));

        assertThat(lead.compliance().trustedFormUrl()).isEqualTo("https://cert.trustedform.com/example");
        assertThat(lead.contact().fullName()).isEqualTo("Jordan");
        assertThat(lead.custom()).isEmpty();
    }
}
