package io.leadhub.api;

import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadhub.support.Fixtures;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /v1/leads/{id} and GET /v1/leads: the canonical lead as a tenant's key sees it, and nothing else. */
class LeadReadApiHttpTest extends HubIntegrationTest {

    @Test
    void oneLeadComesBackInTheCanonicalShape() {
        TestTenant tenant = tenants.create();
        String id = post(tenant, Fixtures.read("ghl-workflow-webhook-form.json"));

        Response response = http.get("/v1/leads/" + id).apiKey(tenant.apiKey()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode lead = response.json();
        assertThat(lead.get("id").asText()).isEqualTo(id);
        assertThat(lead.get("tenantId").asText()).isEqualTo(tenant.id().toString());
        assertThat(lead.get("source").asText()).isEqualTo("ghl");
        assertThat(lead.get("externalId").asText()).isEqualTo("Yq3RsT4uVwXz5AbCdEfG");
        assertThat(lead.at("/contact/firstName").asText()).isEqualTo("Jordan");
        assertThat(lead.at("/contact/fullName").asText()).isEqualTo("Jordan Example");
        assertThat(lead.at("/contact/email").asText()).isEqualTo("jordan@example.com");
        assertThat(lead.at("/contact/phone").asText()).isEqualTo("+60123456789");
        assertThat(lead.at("/address/country").asText()).isEqualTo("MY");
        assertThat(lead.at("/attribution/utmCampaign").asText()).isEqualTo("solar-q2");
        assertThat(lead.at("/workflow/tags")).hasToString("[\"website lead\",\"solar\"]");
        assertThat(lead.at("/custom/Electric Supply").asText()).isEqualTo("Single Phase");
        assertThat(lead.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(lead.has("raw")).isFalse();
        assertThat(lead.at("/attribution/utmTerm").isMissingNode()).as("nulls are omitted").isTrue();
    }

    @Test
    void anotherTenantsKeyNeverSeesTheLead() {
        TestTenant owner = tenants.create();
        TestTenant other = tenants.create();
        String id = post(owner, "{\"contact_id\":\"iso-1\",\"first_name\":\"Owen\",\"email\":\"owen@example.com\"}");

        Response single = http.get("/v1/leads/" + id).apiKey(other.apiKey()).send();
        Response list = http.get("/v1/leads?email=owen@example.com").apiKey(other.apiKey()).send();

        assertThat(single.status()).isEqualTo(404);
        assertThat(single.json().get("error").asText()).isEqualTo("Lead not found");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("leads")).isEmpty();
    }

    @Test
    void unknownOrMalformedIdIs404AndMissingOrWrongKeyIsRefused() {
        TestTenant tenant = tenants.create();

        assertThat(http.get("/v1/leads/00000000-0000-0000-0000-000000000001").apiKey(tenant.apiKey()).send().status())
                .isEqualTo(404);
        assertThat(http.get("/v1/leads/not-a-uuid").apiKey(tenant.apiKey()).send().status()).isEqualTo(404);
        Response noKey = http.get("/v1/leads").send();
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().get("error").asText()).isEqualTo("API key required");
        assertThat(http.get("/v1/leads").apiKey("il_live_nope").send().status()).isEqualTo(403);
        assertThat(http.get("/v1/leads").header("Authorization", "Bearer " + tenant.apiKey()).send().status())
                .isEqualTo(200);
    }

    @Test
    void listPagesNewestFirstWithKeysetCursorsThatSurviveNewArrivals() {
        TestTenant tenant = tenants.create();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(post(tenant, "{\"contact_id\":\"p-" + i + "\",\"first_name\":\"P" + i + "\"}"));
        }
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = http.get("/v1/leads?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .apiKey(tenant.apiKey()).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("leads").forEach(lead -> seen.add(lead.get("id").asText()));
            cursor = page.json().has("nextCursor") ? page.json().get("nextCursor").asText() : null;
            pages++;
            if (pages == 1) {
                // A lead arriving mid-pagination is newer than every page still to come, so it must not appear.
                post(tenant, "{\"contact_id\":\"late\",\"first_name\":\"Late\"}");
            }
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void listFiltersBySourceEmailExternalIdAndUpdatedSince() {
        TestTenant tenant = tenants.create();
        String ghl = post(tenant, "{\"contact_id\":\"f-1\",\"first_name\":\"Gia\",\"email\":\"gia@example.com\"}");
        Response zapier = http.post("/hooks/zapier").apiKey(tenant.apiKey())
                .json("{\"first_name\":\"Zed\",\"email\":\"zed@example.com\"}").send();
        String zapierId = zapier.json().get("leadId").asText();

        assertThat(ids(tenant, "source=zapier")).containsExactly(zapierId);
        assertThat(ids(tenant, "email=GIA@example.com")).containsExactly(ghl);
        assertThat(ids(tenant, "externalId=f-1")).containsExactly(ghl);
        assertThat(ids(tenant, "updatedSince=2000-01-01")).containsExactlyInAnyOrder(ghl, zapierId);
        assertThat(ids(tenant, "updatedSince=2999-01-01T00:00:00Z")).isEmpty();
    }

    /** With an offset (its '+' encoded or, as people paste it, not), in UTC, or with no offset (read as UTC). */
    @Test
    void updatedSinceTakesTheDateTimesPeopleSend() {
        TestTenant tenant = tenants.create();
        String id = post(tenant, "{\"contact_id\":\"since-1\",\"first_name\":\"Ida\"}");
        Instant modified = jdbc.queryForObject("SELECT modified_at FROM leads WHERE id = ?::uuid", Timestamp.class, id)
                .toInstant();
        OffsetDateTime justBefore = modified.minusSeconds(1).atOffset(ZoneOffset.ofHours(2));
        OffsetDateTime justAfter = modified.plusSeconds(1).atOffset(ZoneOffset.ofHours(2));

        assertThat(ids(tenant, "updatedSince=" + justBefore.toString().replace("+", "%2B"))).containsExactly(id);
        assertThat(ids(tenant, "updatedSince=" + justBefore)).as("'+' unencoded").containsExactly(id);
        assertThat(ids(tenant, "updatedSince=" + justAfter)).isEmpty();
        assertThat(ids(tenant, "updatedSince=" + modified.minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .as("no offset: UTC").containsExactly(id);
        assertThat(ids(tenant, "updatedSince=" + modified.plusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .isEmpty();
    }

    /** A filter is cleaned as stored values are: %00 is dropped, so a lead sent with one is still found. */
    @Test
    void filtersWithTextTheDatabaseCannotHoldFindWhatWasStored() {
        TestTenant tenant = tenants.create();
        String id = post(tenant, "{\"contact_id\":\"nul-1\",\"first_name\":\"Nia\",\"email\":\"ni\\u0000a@example.com\"}");

        assertThat(ids(tenant, "email=ni%00a@example.com")).containsExactly(id);
        assertThat(ids(tenant, "externalId=nul-%001")).containsExactly(id);
        assertThat(ids(tenant, "source=%00")).as("only U+0000 is no filter").containsExactly(id);
        assertThat(ids(tenant, "source=gh%ED%A0%80l")).isEmpty();
    }

    @Test
    void badListParametersAre400() {
        TestTenant tenant = tenants.create();

        for (String query : List.of("limit=0", "limit=201", "limit=ten", "cursor=@@@", "cursor=bm90LWEtY3Vyc29y",
                "updatedSince=yesterday")) {
            Response response = http.get("/v1/leads?" + query).apiKey(tenant.apiKey()).send();
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("success").asBoolean()).isFalse();
        }
    }

    @Test
    void keysInTheQueryStringAreNotTakenForTheHeader() {
        TestTenant tenant = tenants.create();
        String id = post(tenant, "{\"contact_id\":\"q-1\",\"first_name\":\"Quinn\"}");

        for (String path : List.of("/v1/leads?X-API-Key=" + tenant.apiKey(),
                "/v1/leads/" + id + "?x-api-key=" + tenant.apiKey(),
                "/v1/leads?Authorization=Bearer%20" + tenant.apiKey())) {
            Response response = http.get(path).send();
            assertThat(response.status()).as(path + " -> " + response).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isEqualTo("API key required");
        }
    }

    @Test
    void requestHeadersNamedLikeListParametersDoNotFilter() {
        TestTenant tenant = tenants.create();
        String first = post(tenant, "{\"contact_id\":\"h-1\",\"first_name\":\"Hal\",\"email\":\"hal@example.com\"}");
        String second = post(tenant, "{\"contact_id\":\"h-2\",\"first_name\":\"Ida\"}");

        Response response = http.get("/v1/leads").apiKey(tenant.apiKey()).header("Limit", "1")
                .header("Source", "zapier").header("email", "hal@example.com").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("leads").forEach(lead -> ids.add(lead.get("id").asText()));
        assertThat(ids).containsExactly(second, first);
    }

    /** RFC 9110 15.5.6: a 405 names, in Allow, the methods the path does take. */
    @Test
    void anythingButGetIs405WithAllowGet() {
        TestTenant tenant = tenants.create();

        for (String path : List.of("/v1/leads", "/v1/leads/" + UUID.randomUUID())) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                Response response = http.request(method, path).apiKey(tenant.apiKey()).send();

                assertError(response, 405, "Method not allowed");
                assertThat(response.header("Allow")).as(method + " " + path).isEqualTo("GET");
            }
        }
    }

    private List<String> ids(TestTenant tenant, String query) {
        Response response = http.get("/v1/leads?" + query).apiKey(tenant.apiKey()).send();
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("leads").forEach(lead -> ids.add(lead.get("id").asText()));
        return ids;
    }

    private String post(TestTenant tenant, String json) {
        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(json).send();
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json().get("leadId").asText();
    }
}
