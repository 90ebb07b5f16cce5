package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadhub.http.HttpProblem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The partner admin key: configured or generated-and-announced, checked, and never left on the message. */
class AdminKeyTest {

    private static final String CONFIGURED = "configured-admin-key-0123";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

    @Test
    void theConfiguredKeyIsAcceptedAndRemovedFromTheMessage() {
        AdminKey adminKey = new AdminKey(CONFIGURED, out);
        Exchange exchange = requestWith(CONFIGURED);

        adminKey.authenticate(exchange);

        assertThat(exchange.getMessage().getHeader(AdminKey.HEADER)).isNull();
        adminKey.announceGeneratedKey();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingKeyIs401AndAWrongOneIs403WhateverItsLength() {
        AdminKey adminKey = new AdminKey(CONFIGURED, out);

        assertStatus(adminKey, null, 401);
        assertStatus(adminKey, " ", 401);
        assertStatus(adminKey, CONFIGURED + "x", 403);
        assertStatus(adminKey, "x", 403);
    }

    @Test
    void aBlankSettingGeneratesAKeyAnnouncedOnceOnStdout() {
        AdminKey adminKey = new AdminKey("", out);

        adminKey.announceGeneratedKey();
        adminKey.announceGeneratedKey();

        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher banner = Pattern.compile("Partner admin key \\(X-Auth-Key\\) for this run: (\\S+)").matcher(printed);
        assertThat(banner.find()).as(printed).isTrue();
        assertThat(banner.find()).as("announced only once").isFalse();
        assertThat(printed).contains("Set HUB_ADMIN_KEY");
        String generated = Pattern.compile("for this run: (\\S+)").matcher(printed).results().findFirst()
                .orElseThrow().group(1);
        assertThat(generated).hasSizeGreaterThanOrEqualTo(40);
        adminKey.authenticate(requestWith(generated));
    }

    @Test
    void aShortConfiguredKeyIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new AdminKey("admin", out))
                .isInstanceOf(KeyConfigurationException.class).hasMessageContaining("HUB_ADMIN_KEY");
    }

    private static void assertStatus(AdminKey adminKey, String presented, int status) {
        Exchange exchange = requestWith(presented);
        assertThatThrownBy(() -> adminKey.authenticate(exchange))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(status));
        assertThat(exchange.getMessage().getHeader(AdminKey.HEADER)).isNull();
    }

    private static Exchange requestWith(String adminKey) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (adminKey != null) {
            exchange.getMessage().setHeader(AdminKey.HEADER, adminKey);
        }
        return exchange;
    }
}
