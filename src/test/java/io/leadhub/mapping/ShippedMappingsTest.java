package io.leadhub.mapping;

import static io.leadhub.mapping.Fixtures.form;
import static io.leadhub.mapping.Fixtures.json;
import static io.leadhub.mapping.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.leadhub.canonical.Address;
import io.leadhub.canonical.Attribution;
import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Compliance;
import io.leadhub.canonical.Contact;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped mapping files against the real payload samples: every canonical value and all of custom. */
class ShippedMappingsTest {

    private final MappingRegistry registry = Fixtures.shipped();

    @Test
    void shipsGhlAndZapier() {
        assertThat(registry.names()).contains("ghl", "zapier");
    }

    @Test
    void ghlWorkflowWebhookAfterFormSubmission() {
        LeadMapping ghl = registry.get("ghl");
        CanonicalLead lead = ghl.map(json("ghl-workflow-webhook-form.json"));

        assertThat(lead.id()).isNull();
        assertThat(lead.tenantId()).isNull();
        assertThat(lead.source()).isNull();
        assertThat(lead.createdAt()).isNull();
        assertThat(lead.externalId()).isEqualTo("Yq3RsT4uVwXz5AbCdEfG");
        assertThat(lead.contact()).isEqualTo(new Contact("Jordan", "Example", "Jordan Example",
                "jordan@example.com", "+60123456789", "+60123456789", null));
        assertThat(lead.dateOfBirth()).isNull();
        assertThat(lead.address()).isEqualTo(new Address(null, null, null, null, null, "MY"));
        assertThat(lead.attribution()).isEqualTo(new Attribution("google", "cpc", "solar-q2", null, null,
                null, null, null, null, null, null, null));
        assertThat(lead.compliance()).isEqualTo(Compliance.EMPTY);
        assertThat(lead.workflow().tags()).containsExactly("website lead", "solar");
        assertThat(lead.workflow().assignee()).isNull();

        Map<String, Object> expected = payload("""
                {
                  "Preferred Communication Language 2": "English",
                  "Property Type (Condo/Apartment not suitable)": "Landed",
                  "Electric Supply": "Single Phase",
                  "Location": "Selangor",
                  "Campaign ID": "cmp-2025-06",
                  "Industry": ["Manufacturing"],
                  "Remarks": "",
                  "timezone": "Asia/Kuala_Lumpur",
                  "date_created": "2025-06-02T03:14:15.926Z",
                  "contact_source": "MAQO Main Site",
                  "full_address": "",
                  "contact_type": "lead",
                  "gclid": "",
                  "location": {
                    "name": "Example Solar Sdn Bhd",
                    "address": "1 Example Jalan",
                    "city": "Kuala Lumpur",
                    "state": "WP",
                    "country": "MY",
                    "postalCode": "50000",
                    "fullAddress": "1 Example Jalan, Kuala Lumpur WP 50000",
                    "id": "Lc1BcDeFgHiJkLmNoPqR"
                  },
                  "workflow": {"id": "11111111-2222-4333-8444-555555555555", "name": "Website lead -> hub"},
                  "triggerData": {},
                  "contact": {},
                  "attributionSource": {},
                  "customData": {
                    "Name": "Mr Jordan Example",
                    "Salutation": "Mr",
                    "Email": "jordan@example.com",
                    "Monthly TNB Bill": "RM300-RM500",
                    "Source of Leads": "Google Ads",
                    "Campaign ID": "cmp-2025-06",
                    "Landing Page Source": "https://get.example.asia",
                    "Fbclid": ""
                  }
                }""");

        assertThat(lead.custom()).isEqualTo(expected);
        // The source's key order survives, so custom reads like the payload it came from.
        assertThat(List.copyOf(lead.custom().keySet())).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(List.copyOf(((Map<?, ?>) lead.custom().get("customData")).keySet()))
                .isEqualTo(List.copyOf(((Map<?, ?>) expected.get("customData")).keySet()));
        assertThatCode(() -> ghl.validate(lead)).doesNotThrowAnyException();
    }

    @Test
    void ghlMarketplaceContactCreate() {
        LeadMapping ghl = registry.get("ghl");
        CanonicalLead lead = ghl.map(json("ghl-contact-create.json"));

        assertThat(lead.externalId()).isEqualTo("nmFmQEsNgz6AVpgLVUJ0");
        assertThat(lead.contact()).isEqualTo(new Contact("John", "Deo", "John Deo", "johndeo@gmail.comm",
                "+919509597501", "+919509597501", null));
        assertThat(lead.dateOfBirth()).isEqualTo(LocalDate.of(2000, 1, 5));
        assertThat(lead.address())
                .isEqualTo(new Address("3535 1st St N", null, "ruDolomitebika", "AL", "452001", "DE"));
        assertThat(lead.attribution()).isEqualTo(Attribution.EMPTY);
        assertThat(lead.workflow().tags()).containsExactly("id magna sed Lorem", "Duis dolor commodo aliqua");
        assertThat(lead.workflow().assignee()).isEqualTo("nmFmQEsNgz6AVpgLVUJ0");

        assertThat(lead.custom()).isEqualTo(payload("""
                {
                  "type": "ContactCreate",
                  "locationId": "ve9EPM428h8vShlRW1KT",
                  "companyName": "Loram ipsum",
                  "source": "xyz form",
                  "dateAdded": "2021-11-26T12:41:02.193Z",
                  "dnd": true,
                  "website": "https://www.google.com/",
                  "attachments": [],
                  "customFields": [{"id": "BcdmQEsNgz6AVpgLVUJ0", "value": "XYZ Corp"}]
                }"""));
        assertThatCode(() -> ghl.validate(lead)).doesNotThrowAnyException();
    }

    @Test
    void zapierJson() {
        CanonicalLead lead = registry.get("zapier").map(json("zapier-json.json"));

        assertThat(lead.contact()).isEqualTo(new Contact("Alex", "Riley", "Alex Riley", null, null, null, null));
        assertThat(lead.custom()).isEqualTo(Map.of("age", 27));
        assertThatCode(() -> registry.get("zapier").validate(lead)).doesNotThrowAnyException();
    }

    @Test
    void zapierFormFieldsMapLikeJsonButKeepTheirText() {
        CanonicalLead lead = registry.get("zapier").map(form("zapier-form.txt"));

        assertThat(lead.contact()).isEqualTo(new Contact("Alex", "Riley", "Alex Riley", null, null, null, null));
        assertThat(lead.custom()).isEqualTo(Map.of("age", "27"));
    }

    @Test
    void zapierFlattenedKeysReachNestedPaths() {
        CanonicalLead lead = registry.get("zapier").map(json("zapier-json-flat-keys.json"));

        assertThat(lead.contact()).isEqualTo(new Contact("Alex", "Riley", "Alex Riley", "alex@example.com",
                "+15555550123", "+15555550123", null));
        assertThat(lead.attribution().utmSource()).isEqualTo("facebook");
        assertThat(lead.attribution().utmCampaign()).isEqualTo("spring");
        assertThat(lead.custom()).isEmpty();
    }

    @Test
    void zapierNestedJsonIsTheSameAsFlattened() {
        CanonicalLead flat = registry.get("zapier").map(json("zapier-json-flat-keys.json"));
        CanonicalLead nested = registry.get("zapier").map(payload("""
                {"first_name": "Alex", "last_name": "Riley",
                 "contact": {"email": "alex@example.com", "phone": "+15555550123"},
                 "utm": {"source": "facebook", "campaign": "spring"}}"""));

        assertThat(nested).isEqualTo(flat);
    }

    @Test
    void zapierUnmappedFlattenedKeysKeepTheirOriginalName() {
        CanonicalLead lead = registry.get("zapier").map(payload("""
                {"email": "a@example.com", "utm__source": "x", "utm__placement": "feed", "deal__stage": "won"}"""));

        assertThat(lead.custom()).isEqualTo(Map.of("utm__placement", "feed", "deal__stage", "won"));
    }
}
