package io.leadhub.admin;

import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.support.HubHttp;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.RandomText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The IntakeQ Partner API's practice endpoints as the seed document describes them (Create, Update, Delete,
 * Retrieve Practices, Get Practice API Key), plus the hub's own guarantees: key rotation, the admin key,
 * uniqueness under concurrency, and that neither the admin key nor a practice key leaks.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerPracticeHttpTest extends HubIntegrationTest {

    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final String PRACTICES = "/api/partner/practice";
    private static final String GHL_LEAD = "{\"contact_id\":\"x\",\"first_name\":\"A\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- Create Practice ----------------------------------------------------------------------------------

    @Test
    void createReturnsTheSameObjectWithIdAndDateCreatedInTheSeedsFieldOrder() {
        String externalId = unique("ext");
        Map<String, Object> body = seedPractice(externalId);
        body.put("PracticeName", "ABC Health " + externalId);
        Instant before = Instant.now().minusSeconds(1);

        Response response = admin(http.post(PRACTICES)).json(json(body)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode practice = response.json();
        assertThat(fieldNames(practice)).containsExactly("Id", "PracticeName", "FirstName", "LastName", "Email",
                "ExternalPracticeId", "Slug", "DateCreated", "StreetAddress", "City", "State", "PostalCode",
                "FormsEnabled", "BookingEnabled");
        assertThat(UUID.fromString(practice.get("Id").asText())).isNotNull();
        assertThat(practice.get("PracticeName").asText()).isEqualTo("ABC Health " + externalId);
        assertThat(practice.get("FirstName").asText()).isEqualTo("John");
        assertThat(practice.get("LastName").asText()).isEqualTo("Smith");
        assertThat(practice.get("Email").asText()).isEqualTo("abc@email.com");
        assertThat(practice.get("ExternalPracticeId").asText()).isEqualTo(externalId);
        assertThat(practice.get("Slug").asText()).isEqualTo("abc-health-" + externalId);
        assertThat(practice.get("StreetAddress").asText()).isEqualTo("123 Remedy Lane");
        assertThat(practice.get("City").asText()).isEqualTo("New York");
        assertThat(practice.get("State").asText()).isEqualTo("NY");
        assertThat(practice.get("PostalCode").asText()).isEqualTo("12345");
        assertThat(practice.get("FormsEnabled").asBoolean()).isTrue();
        assertThat(practice.get("BookingEnabled").isBoolean()).isTrue();
        assertThat(practice.get("BookingEnabled").asBoolean()).isFalse();
        String dateCreated = practice.get("DateCreated").asText();
        assertThat(dateCreated).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(dateCreated)).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void createStoresTheOwnerAsStaffAndOneLiveKeyInTheSameChange() {
        JsonNode practice = create(seedPractice(unique("ext")));
        UUID id = UUID.fromString(practice.get("Id").asText());

        Map<String, Object> owner = jdbc.queryForMap(
                "SELECT email, first_name, last_name, role FROM staff WHERE tenant_id = ?", id);
        assertThat(owner).containsEntry("email", "abc@email.com").containsEntry("first_name", "John")
                .containsEntry("last_name", "Smith").containsEntry("role", "owner");
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL AND key_ciphertext IS NOT NULL",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void optionalFieldsMayBeLeftOutAndAreReturnedAsNullOrDefaults() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PracticeName", "Minimal " + unique("p"));
        body.put("FirstName", "Ann");
        body.put("LastName", "Lee");
        body.put("Email", "ann@example.com");

        JsonNode practice = create(body);

        assertThat(practice.has("ExternalPracticeId")).isTrue();
        assertThat(practice.get("ExternalPracticeId").isNull()).isTrue();
        assertThat(practice.get("StreetAddress").isNull()).isTrue();
        assertThat(practice.get("FormsEnabled").asBoolean()).isTrue();
        assertThat(practice.get("BookingEnabled").asBoolean()).isFalse();
    }

    @Test
    void slugIsDerivedFromThePracticeNameAndDeDuplicatedWithSuffixes() {
        String name = "Über Café & Clinic " + unique("s");
        String base = "uber-cafe-clinic-" + name.substring(name.lastIndexOf(' ') + 1);

        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = seedPractice(null);
            body.put("PracticeName", name);
            slugs.add(create(body).get("Slug").asText());
        }

        assertThat(slugs).containsExactly(base, base + "-2", base + "-3");
    }

    @Test
    void derivedSuffixesGoPastEverySuffixAlreadyTakenHoweverLong() {
        String base = unique("acme");
        Map<String, Object> explicit = seedPractice(null);
        explicit.put("Slug", base + "-999999999");
        create(explicit);

        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = seedPractice(null);
            body.put("PracticeName", base);
            slugs.add(create(body).get("Slug").asText());
        }

        assertThat(slugs).containsExactly(base, base + "-1000000000", base + "-1000000001");
    }

    @Test
    void anExplicitSlugIsKeptAndATakenOneIs409() {
        String slug = unique("my-slug");
        Map<String, Object> body = seedPractice(null);
        body.put("Slug", slug);

        assertThat(create(body).get("Slug").asText()).isEqualTo(slug);
        assertError(admin(http.post(PRACTICES)).json(json(body)).send(), 409,
                "Slug '" + slug + "' is already used by another practice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PracticeName", "FirstName", "LastName", "Email"})
    void eachRequiredFieldMissingOrBlankIs400NamingIt(String field) {
        Map<String, Object> missing = seedPractice(unique("ext"));
        missing.remove(field);
        Map<String, Object> blank = seedPractice(unique("ext"));
        blank.put(field, "  ");

        for (Map<String, Object> body : List.of(missing, blank)) {
            Response response = admin(http.post(PRACTICES)).json(json(body)).send();

            assertError(response, 400, "Missing required field: " + field);
            assertThat(response.json().get("missing")).hasToString("[\"" + field + "\"]");
        }
        assertThat(practicesWithExternalId(missing.get("ExternalPracticeId"))).isZero();
    }

    @Test
    void allRequiredFieldsMissingAreNamedTogether() {
        Response response = admin(http.post(PRACTICES)).json("{\"City\":\"Austin\"}").send();

        assertError(response, 400, "Missing required fields: PracticeName, FirstName, LastName, Email");
    }

    @Test
    void malformedJsonIs400() {
        assertError(admin(http.post(PRACTICES)).json("{\"PracticeName\": ").send(), 400, "Invalid JSON body");
        assertError(admin(http.post(PRACTICES)).json("[1,2]").send(), 400, "Invalid JSON body");
        assertError(admin(http.post(PRACTICES)).json("").send(), 400, "Invalid JSON body");
    }

    /** Both are indexed; PostgreSQL refuses an index entry of a few kilobytes, so they are bounded: 400, not 500. */
    @Test
    void overlongEmailOrExternalPracticeIdIs400AndNothingIsCreated() {
        String random = RandomText.incompressible(10_000);
        Map<String, Object> longId = seedPractice(random);
        Map<String, Object> longEmail = seedPractice(unique("mail"));
        longEmail.put("Email", random + "@example.com");

        assertError(admin(http.post(PRACTICES)).json(json(longId)).send(), 400,
                "ExternalPracticeId may be at most 255 characters");
        assertError(admin(http.post(PRACTICES)).json(json(longEmail)).send(), 400, "Email is not a valid email address");
        assertThat(practicesWithExternalId(random)).isZero();
        assertThat(practicesWithExternalId(longEmail.get("ExternalPracticeId"))).isZero();
    }

    @Test
    void contentAfterTheObjectIs400AndNothingIsCreated() {
        String externalId = unique("trail");

        Response response = admin(http.post(PRACTICES)).json(json(seedPractice(externalId)) + " {}").send();

        assertError(response, 400, "Invalid JSON body");
        assertThat(practicesWithExternalId(externalId)).isZero();
    }

    @Test
    void lookupsWithAnEncodedNulFindWhatWasStoredWithoutIt() {
        String externalId = unique("nul");
        String id = create(seedPractice(externalId)).get("Id").asText();

        assertThat(ids(list("?externalPracticeId=" + externalId.replace("-", "-%00")))).containsExactly(id);
        assertThat(list("?email=nobody%00@example.com")).isEmpty();
    }

    /** U+0000 and half a surrogate pair cannot be stored; they are cleaned as in leads, not a 500. */
    @Test
    void textTheDatabaseCannotHoldIsCleaned() {
        String externalId = unique("nul");
        String body = json(seedPractice(externalId)).replace("\"ABC Health\"", "\"ABC\\u0000 Health\\ud800\"");

        Response response = admin(http.post(PRACTICES)).json(body).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("PracticeName").asText()).isEqualTo("ABC Health\uFFFD");
        assertThat(list("?externalPracticeId=" + externalId).get(0).get("PracticeName").asText())
                .isEqualTo("ABC Health\uFFFD");
    }

    @Test
    void aBodyOverOneMebibyteIs413AndNothingIsCreated() {
        String externalId = unique("big");
        Map<String, Object> body = seedPractice(externalId);
        body.put("PracticeName", "a".repeat(1024 * 1024));

        assertError(admin(http.post(PRACTICES)).json(json(body)).send(), 413, "Payload too large");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tenants WHERE external_practice_id = ?",
                Integer.class, externalId)).isZero();
    }

    @Test
    void aBodyInTheCharsetItDeclaresIsDecodedInIt() {
        Map<String, Object> body = seedPractice(unique("latin1"));
        body.put("PracticeName", "Caf\u00e9 Law");

        Response response = admin(http.post(PRACTICES))
                .body("application/json; charset=ISO-8859-1", json(body).getBytes(StandardCharsets.ISO_8859_1)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("PracticeName").asText()).isEqualTo("Caf\u00e9 Law");
        assertThat(response.json().get("Slug").asText()).isEqualTo("cafe-law");
    }

    @Test
    void anEmailThatCannotBeAnAddressIs400() {
        Map<String, Object> body = seedPractice(unique("ext"));
        body.put("Email", "not-an-email");

        Response response = admin(http.post(PRACTICES)).json(json(body)).send();

        assertError(response, 400, "Email is not a valid email address");
        assertThat(response.json().get("invalid")).hasToString("[\"Email\"]");
    }

    @Test
    void fieldsOfTheWrongTypeAre400() {
        Map<String, Object> body = seedPractice(unique("ext"));
        body.put("FormsEnabled", "yes");

        assertError(admin(http.post(PRACTICES)).json(json(body)).send(), 400, "FormsEnabled must be true or false");
    }

    @Test
    void aWholeNumberIsTakenAsWrittenAndOtherNonStringsAre400() {
        long number = System.nanoTime();
        Map<String, Object> whole = seedPractice(null);
        whole.put("ExternalPracticeId", number);
        assertThat(create(whole).get("ExternalPracticeId").asText()).isEqualTo(Long.toString(number));

        String name = unique("typed");
        for (String externalPracticeId : List.of("1e3", "12.5", "true")) {
            String body = json(seedPractice(name)).replace("\"" + name + "\"", externalPracticeId);
            assertError(admin(http.post(PRACTICES)).json(body).send(), 400, "ExternalPracticeId must be a string");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tenants WHERE external_practice_id IN ('1000.0', "
                + "'1000', '12.5', 'true')", Integer.class)).isZero();
    }

    @Test
    void aDuplicateExternalPracticeIdIs409AndCreatesNothing() {
        String externalId = unique("ext");
        create(seedPractice(externalId));

        Response response = admin(http.post(PRACTICES)).json(json(seedPractice(externalId))).send();

        assertError(response, 409, "ExternalPracticeId is already used by another practice");
        assertThat(practicesWithExternalId(externalId)).isOne();
    }

    @Test
    void twoConcurrentCreatesWithTheSameExternalPracticeIdLetExactlyOneWin() throws Exception {
        String externalId = unique("race");
        String body = json(seedPractice(externalId));

        List<Integer> statuses = concurrently(2, () -> admin(http.post(PRACTICES)).json(body).send().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(practicesWithExternalId(externalId)).isOne();
    }

    // ---- Retrieve Practices -------------------------------------------------------------------------------

    @Test
    void withoutParametersEveryLivePracticeIsReturnedOldestFirst() {
        String first = create(seedPractice(unique("ext"))).get("Id").asText();
        String second = create(seedPractice(unique("ext"))).get("Id").asText();

        JsonNode all = list("");

        assertThat(all.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        all.forEach(p -> {
            ids.add(p.get("Id").asText());
            created.add(Instant.parse(p.get("DateCreated").asText()));
        });
        assertThat(ids.indexOf(first)).isNotNegative().isLessThan(ids.indexOf(second));
        assertThat(created).isSorted();
    }

    @Test
    void oneParameterSelectsTheMatchingPracticesAlwaysAsAnArray() {
        String externalId = unique("ext");
        Map<String, Object> body = seedPractice(externalId);
        String email = unique("owner") + "@Example.com";
        body.put("Email", email);
        String id = create(body).get("Id").asText();

        assertThat(ids(list("?id=" + id))).containsExactly(id);
        assertThat(ids(list("?email=" + email.toLowerCase()))).containsExactly(id);
        assertThat(ids(list("?externalPracticeId=" + externalId))).containsExactly(id);
    }

    @Test
    void unknownPracticesGiveAnEmptyArray() {
        assertThat(list("?id=" + UUID.randomUUID()).toString()).isEqualTo("[]");
        assertThat(list("?id=not-a-uuid").toString()).isEqualTo("[]");
        assertThat(list("?email=nobody-" + UUID.randomUUID() + "@example.com").toString()).isEqualTo("[]");
        assertThat(list("?externalPracticeId=" + unique("none")).toString()).isEqualTo("[]");
    }

    // ---- Update Practice ----------------------------------------------------------------------------------

    @Test
    void updateByIdChangesTheFieldsAndTheOwner() {
        JsonNode created = create(seedPractice(unique("ext")));
        String id = created.get("Id").asText();
        Map<String, Object> changes = seedPractice(null);
        changes.remove("ExternalPracticeId");
        changes.put("Id", id);
        changes.put("PracticeName", "Renamed Health");
        changes.put("Email", "larry@email.com");
        changes.put("City", "Boston");
        changes.put("BookingEnabled", true);

        Response response = admin(http.put(PRACTICES)).json(json(changes)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode updated = response.json();
        assertThat(updated.get("Id").asText()).isEqualTo(id);
        assertThat(updated.get("PracticeName").asText()).isEqualTo("Renamed Health");
        assertThat(updated.get("Email").asText()).isEqualTo("larry@email.com");
        assertThat(updated.get("City").asText()).isEqualTo("Boston");
        assertThat(updated.get("BookingEnabled").asBoolean()).isTrue();
        assertThat(updated.get("ExternalPracticeId")).isEqualTo(created.get("ExternalPracticeId"));
        assertThat(updated.get("Slug")).isEqualTo(created.get("Slug"));
        assertThat(updated.get("DateCreated")).isEqualTo(created.get("DateCreated"));
        assertThat(list("?id=" + id).get(0)).isEqualTo(updated);
        assertThat(jdbc.queryForObject("SELECT email FROM staff WHERE tenant_id = ? AND role = 'owner'",
                String.class, UUID.fromString(id))).isEqualTo("larry@email.com");
    }

    @Test
    void updateByExternalPracticeIdWhenIdIsEmpty() {
        String externalId = unique("ext");
        String id = create(seedPractice(externalId)).get("Id").asText();
        Map<String, Object> changes = seedPractice(externalId);
        changes.put("FirstName", "Larry");

        Response response = admin(http.put(PRACTICES)).json(json(changes)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("Id").asText()).isEqualTo(id);
        assertThat(response.json().get("FirstName").asText()).isEqualTo("Larry");
    }

    @Test
    void updatingAnUnknownPracticeIs404() {
        Map<String, Object> byId = seedPractice(null);
        byId.put("Id", UUID.randomUUID().toString());

        assertError(admin(http.put(PRACTICES)).json(json(byId)).send(), 404, "Practice not found");
        assertError(admin(http.put(PRACTICES)).json(json(seedPractice(unique("none")))).send(), 404,
                "Practice not found");
    }

    @Test
    void updateNeedsIdOrExternalPracticeIdAndTheRequiredFields() {
        assertError(admin(http.put(PRACTICES)).json(json(seedPractice(null))).send(), 400,
                "Id or ExternalPracticeId is required");

        Map<String, Object> withoutName = seedPractice(unique("ext"));
        withoutName.remove("PracticeName");
        assertError(admin(http.put(PRACTICES)).json(json(withoutName)).send(), 400,
                "Missing required field: PracticeName");
    }

    @Test
    void movingToATakenExternalPracticeIdOrSlugIs409() {
        JsonNode taken = create(seedPractice(unique("ext")));
        String id = create(seedPractice(unique("ext"))).get("Id").asText();

        Map<String, Object> stealExternalId = seedPractice(taken.get("ExternalPracticeId").asText());
        stealExternalId.put("Id", id);
        assertError(admin(http.put(PRACTICES)).json(json(stealExternalId)).send(), 409,
                "ExternalPracticeId is already used by another practice");

        Map<String, Object> stealSlug = seedPractice(null);
        stealSlug.put("Id", id);
        stealSlug.put("Slug", taken.get("Slug").asText());
        assertError(admin(http.put(PRACTICES)).json(json(stealSlug)).send(), 409,
                "Slug is already used by another practice");
    }

    // ---- Delete Practice ----------------------------------------------------------------------------------

    @Test
    void deleteByIdAnswersTheDeletedPracticeRevokesItsKeyAndHidesIt() {
        JsonNode practice = create(seedPractice(unique("ext")));
        String id = practice.get("Id").asText();
        String key = key(id);

        Response response = admin(http.delete(PRACTICES + "/" + id)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(practice);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL",
                Integer.class, UUID.fromString(id))).isZero();
        assertError(postLead(key), 403, "Invalid API key");
        assertThat(ids(list(""))).doesNotContain(id);
        assertThat(list("?id=" + id).toString()).isEqualTo("[]");
        assertError(admin(http.delete(PRACTICES + "/" + id)).send(), 404, "Practice not found");
        assertError(admin(http.get(PRACTICES + "/" + id + "/key")).send(), 404, "Practice not found");
    }

    @Test
    void deleteByExternalPracticeIdFreesItForANewPractice() {
        String externalId = unique("ext");
        String id = create(seedPractice(externalId)).get("Id").asText();

        Response response = admin(http.delete(PRACTICES + "/" + externalId)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("Id").asText()).isEqualTo(id);
        assertThat(create(seedPractice(externalId)).get("Id").asText()).isNotEqualTo(id);
    }

    @Test
    void deletingAnUnknownPracticeIs404() {
        assertError(admin(http.delete(PRACTICES + "/" + UUID.randomUUID())).send(), 404, "Practice not found");
        assertError(admin(http.delete(PRACTICES + "/" + unique("none"))).send(), 404, "Practice not found");
    }

    // ---- Get Practice API Key and rotation ----------------------------------------------------------------

    @Test
    void theKeyIsTheSameOnEveryCallByIdOrExternalIdAndAcceptedForLeads() {
        String externalId = unique("ext");
        String id = create(seedPractice(externalId)).get("Id").asText();

        Response first = admin(http.get(PRACTICES + "/" + id + "/key")).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(fieldNames(first.json())).containsExactly("Id", "ApiKey");
        assertThat(first.json().get("Id").asText()).isEqualTo(id);
        String key = first.json().get("ApiKey").asText();
        assertThat(key).matches("il_live_[0-9A-Za-z]{32}");
        assertThat(key(id)).isEqualTo(key);
        assertThat(key(externalId)).isEqualTo(key);
        assertThat(postLead(key).status()).isEqualTo(201);
    }

    @Test
    void rotationRetiresTheOldKeyAndTheNewOneWorks() {
        String id = create(seedPractice(unique("ext"))).get("Id").asText();
        String oldKey = key(id);

        Response rotated = admin(http.post(PRACTICES + "/" + id + "/key/rotate")).send();

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().get("Id").asText()).isEqualTo(id);
        String newKey = rotated.json().get("ApiKey").asText();
        assertThat(newKey).startsWith("il_live_").isNotEqualTo(oldKey);
        assertError(postLead(oldKey), 403, "Invalid API key");
        assertThat(postLead(newKey).status()).isEqualTo(201);
        assertThat(key(id)).isEqualTo(newKey);
    }

    @Test
    void concurrentRotationsTakeTurnsAndLeaveOneLiveKey() throws Exception {
        String id = create(seedPractice(unique("ext"))).get("Id").asText();

        List<Integer> statuses = concurrently(2,
                () -> admin(http.post(PRACTICES + "/" + id + "/key/rotate")).send().status());

        assertThat(statuses).containsExactly(200, 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE tenant_id = ? AND revoked_at IS NULL",
                Integer.class, UUID.fromString(id))).isOne();
        assertThat(postLead(key(id)).status()).isEqualTo(201);
    }

    @Test
    void anExternalPracticeIdInThePathIsPercentDecodedAndAPlusStaysAPlus() {
        String externalId = unique("clinic") + " Süd+1";
        String encoded = externalId.replace(" ", "%20").replace("ü", "%C3%BC");
        String id = create(seedPractice(externalId)).get("Id").asText();

        Response key = admin(http.get(PRACTICES + "/" + encoded + "/key")).send();
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat(key.json().get("Id").asText()).isEqualTo(id);
        Response rotated = admin(http.post(PRACTICES + "/" + encoded + "/key/rotate")).send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().get("ApiKey").asText()).isNotEqualTo(key.json().get("ApiKey").asText());
        Response deleted = admin(http.delete(PRACTICES + "/" + encoded)).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().get("ExternalPracticeId").asText()).isEqualTo(externalId);
        assertThat(practicesWithExternalId(externalId)).isZero();
    }

    @Test
    void keyAndRotationOfAnUnknownPracticeAre404() {
        assertError(admin(http.get(PRACTICES + "/" + UUID.randomUUID() + "/key")).send(), 404, "Practice not found");
        assertError(admin(http.post(PRACTICES + "/" + unique("none") + "/key/rotate")).send(), 404,
                "Practice not found");
    }

    // ---- Authentication and hygiene -----------------------------------------------------------------------

    @Test
    void withoutXAuthKeyEveryEndpointIs401AndNothingIsCreated() {
        String externalId = unique("ext");
        String body = json(seedPractice(externalId));

        for (HubHttp.Request request : List.of(http.post(PRACTICES).json(body), http.get(PRACTICES),
                http.put(PRACTICES).json(body), http.delete(PRACTICES + "/" + externalId),
                http.get(PRACTICES + "/" + externalId + "/key"),
                http.post(PRACTICES + "/" + externalId + "/key/rotate"))) {
            assertError(request.send(), 401, "Partner API key required (X-Auth-Key header)");
        }
        assertThat(practicesWithExternalId(externalId)).isZero();
    }

    @Test
    void theAdminKeyIsTakenOnlyFromTheHeaderNeverFromTheQueryString() {
        String externalId = unique("ext");

        assertError(http.get(PRACTICES + "?X-Auth-Key=" + ADMIN_KEY).send(), 401,
                "Partner API key required (X-Auth-Key header)");
        assertError(http.post(PRACTICES + "?x-auth-key=" + ADMIN_KEY).json(json(seedPractice(externalId))).send(),
                401, "Partner API key required (X-Auth-Key header)");
        assertThat(practicesWithExternalId(externalId)).isZero();
    }

    @Test
    void requestHeadersNamedLikeFiltersDoNotFilter() {
        create(seedPractice(unique("ext")));
        create(seedPractice(unique("ext")));
        int all = list("").size();

        Response response = admin(http.get(PRACTICES)).header("email", "nobody@example.com")
                .header("externalPracticeId", unique("none")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().size()).isGreaterThanOrEqualTo(all);
    }

    @Test
    void aMalformedEscapeInTheQueryStringIs400() throws Exception {
        // java.net.URI refuses to build this request, so it goes over a plain socket.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + PRACTICES + "?email=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Auth-Key: " + ADMIN_KEY + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400").endsWith(
                    "{\"success\":false,\"error\":\"Invalid percent-encoding in the query string\"}");
        }
    }

    @Test
    void aWrongXAuthKeyIs403() {
        Response response = http.get(PRACTICES).header("X-Auth-Key", ADMIN_KEY + "x").send();

        assertError(response, 403, "Invalid partner API key");
    }

    @Test
    void aPracticeKeyIsNotAnAdminKey() {
        String id = create(seedPractice(unique("ext"))).get("Id").asText();

        assertError(http.get(PRACTICES).header("X-Auth-Key", key(id)).send(), 403, "Invalid partner API key");
    }

    @Test
    void neitherTheAdminKeyNorQueryParametersNorOtherHeadersAreEchoed() {
        Response response = admin(http.get(PRACTICES + "?email=echo@example.com"))
                .header("X-Trace-Me", "secret-value").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Auth-Key")
                || name.equalsIgnoreCase("X-Trace-Me") || name.equalsIgnoreCase("email"));
        assertThat(response.raw().headers().map().values().toString())
                .doesNotContain(ADMIN_KEY).doesNotContain("secret-value").doesNotContain("echo@example.com");
    }

    @Test
    void thePlaintextKeyIsNeitherStoredNorLogged(CapturedOutput output) {
        String id = create(seedPractice(unique("ext"))).get("Id").asText();
        String key = key(id);
        postLead(key);

        String storedRow = jdbc.queryForObject(
                "SELECT string_agg(row_to_json(k)::text, ' ') FROM api_keys k WHERE tenant_id = ?",
                String.class, UUID.fromString(id));
        String secretPart = key.substring("il_live_".length());
        assertThat(storedRow).isNotBlank().doesNotContain(key).doesNotContain(secretPart);
        assertThat(output.getAll()).doesNotContain(secretPart).doesNotContain(ADMIN_KEY);
    }

    @Test
    void unknownPartnerPathsStillAnswerJsonAndHealthIsUntouched() {
        Response unknown = admin(http.get("/api/partner/nothing-here")).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("success").asBoolean()).isFalse();

        assertThat(http.get("/actuator/health").send().status()).isEqualTo(200);
    }

    /** The hub decodes no content coding: a body in one is 415, whatever it holds, and nothing is created. */
    @Test
    void aBodyInAContentCodingIs415AndCreatesNothing() {
        String externalId = unique("ext");

        Response response = admin(http.post(PRACTICES)).header("Content-Encoding", "gzip")
                .json(json(seedPractice(externalId))).send();
        Response update = admin(http.put(PRACTICES)).header("Content-Encoding", "deflate")
                .json(json(seedPractice(externalId))).send();

        assertError(response, 415, "Unsupported Content-Encoding: gzip");
        assertError(update, 415, "Unsupported Content-Encoding: deflate");
        assertThat(list("?externalPracticeId=" + externalId)).isEmpty();
    }

    /** RFC 9110 15.5.6: every 405 names, in Allow, the methods the path does take. */
    @Test
    void aMethodAPathDoesNotTakeIs405NamingTheOnesItDoes() {
        Map<String, String> allowed = new LinkedHashMap<>();
        allowed.put("PATCH " + PRACTICES, "PUT, POST, GET");
        allowed.put("POST " + PRACTICES + "/ext-1", "DELETE");
        allowed.put("PUT " + PRACTICES + "/ext-1/key", "GET");
        allowed.put("GET " + PRACTICES + "/ext-1/key/rotate", "POST");

        allowed.forEach((request, allow) -> {
            String[] methodAndPath = request.split(" ");
            Response response = admin(http.request(methodAndPath[0], methodAndPath[1])).send();

            assertError(response, 405, "Method not allowed");
            assertThat(response.header("Allow")).as(request).isNotNull();
            assertThat(response.header("Allow").split(", ")).as(request)
                    .containsExactlyInAnyOrder(allow.split(", "));
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The seed's Create Practice example, with the caller's ExternalPracticeId (null leaves it out). */
    private static Map<String, Object> seedPractice(String externalPracticeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PracticeName", "ABC Health");
        body.put("FirstName", "John");
        body.put("LastName", "Smith");
        body.put("Email", "abc@email.com");
        if (externalPracticeId != null) {
            body.put("ExternalPracticeId", externalPracticeId);
        }
        body.put("StreetAddress", "123 Remedy Lane");
        body.put("City", "New York");
        body.put("State", "NY");
        body.put("PostalCode", "12345");
        body.put("FormsEnabled", true);
        body.put("BookingEnabled", false);
        return body;
    }

    private HubHttp.Request admin(HubHttp.Request request) {
        return request.header("X-Auth-Key", ADMIN_KEY);
    }

    private JsonNode create(Map<String, Object> body) {
        Response response = admin(http.post(PRACTICES)).json(json(body)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode list(String query) {
        Response response = admin(http.get(PRACTICES + query)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        return response.json();
    }

    private String key(String practiceReference) {
        Response response = admin(http.get(PRACTICES + "/" + practiceReference + "/key")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("ApiKey").asText();
    }

    private Response postLead(String practiceKey) {
        return http.post("/hooks/ghl").apiKey(practiceKey).json(GHL_LEAD).send();
    }

    private int practicesWithExternalId(Object externalPracticeId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM tenants WHERE external_practice_id = ? AND deleted_at IS NULL",
                Integer.class, externalPracticeId);
    }

    /** Runs the call on that many threads released together, so they really race. */
    private static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }


    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(JsonNode practices) {
        List<String> ids = new ArrayList<>();
        practices.forEach(p -> ids.add(p.get("Id").asText()));
        return ids;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
