package io.leadhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.leadhub.support.HubHttp;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.SecondHub;
import io.leadhub.support.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two hub instances on one database, as behind a load balancer: the dedup rule holds across them because it
 * is a unique index, not memory of either instance.
 */
class TwoInstancesHttpTest extends HubIntegrationTest {

    private static SecondHub secondInstance;

    @Autowired
    HikariDataSource dataSource;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void theSameContactPostedToBothInstancesAtOnceIsOneLead() throws Exception {
        HubHttp second = secondInstance();
        TestTenant tenant = tenants.create();
        String payload = "{\"contact_id\":\"lb-1\",\"first_name\":\"Lou\",\"email\":\"lou@example.com\"}";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                HubHttp instance = i % 2 == 0 ? http : second;
                sent.add(pool.submit(() -> {
                    start.await();
                    return instance.post("/hooks/ghl").apiKey(tenant.apiKey()).json(payload).send();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : sent) {
                responses.add(future.get());
            }

            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(7);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id()))
                .isEqualTo(1);
    }

    @Test
    void aLeadWrittenThroughOneInstanceIsReadThroughTheOther() {
        HubHttp second = secondInstance();
        TestTenant tenant = tenants.create();

        Response created = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"lb-2\",\"first_name\":\"Ray\"}").send();
        Response read = second.get("/v1/leads/" + created.json().get("leadId").asText()).apiKey(tenant.apiKey()).send();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/contact/firstName").asText()).isEqualTo("Ray");
    }

    /** Started once, lazily, against the first instance's database (embedded or HUB_TEST_DATABASE_URL). */
    private HubHttp secondInstance() {
        if (secondInstance == null) {
            secondInstance = SecondHub.start(dataSource);
        }
        return secondInstance.http();
    }
}
