package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The running hub's log configuration, not just the masker: what reaches the console is masked. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest extends HubIntegrationTest {

    @Test
    void anyLoggerWritesEmailsAndPhonesMasked(CapturedOutput output) {
        LoggerFactory.getLogger("some.library").warn("failed for mira.santos@example.com at +1 512 555 0199",
                new IllegalStateException("duplicate (email)=(mira.santos@example.com)"));

        assertThat(output.getAll())
                .contains("m***@example.com", "***0199")
                .doesNotContain("mira.santos@example.com")
                .doesNotContain("512 555 0199");
    }

    @Test
    void failingIntakeDoesNotLogThePersonInClear(CapturedOutput output) {
        TestTenant tenant = tenants.create();

        http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"m-1\",\"first_name\":\"Mira\",\"email\":\"mira.x@example.com\",\"phone\":\"+15125550199\"}")
                .send();
        http.post("/hooks/ghl").apiKey(tenant.apiKey()).json("{\"email\":\"mira.x@example.com\",").send();

        assertThat(output.getAll()).doesNotContain("mira.x@example.com").doesNotContain("5125550199");
    }
}
