package io.leadhub.security;

import io.leadhub.http.HttpProblem;
import java.io.PrintStream;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The partner admin key that guards {@code /api/partner/**}, presented in {@code X-Auth-Key} as IntakeQ's
 * Partner API does. Configured by {@code hub.admin-key} (HUB_ADMIN_KEY); when blank, a random key is made for
 * this run and printed once to stdout, not through the logger (no appender or log shipper sees it); stdout itself
 * may still be kept (a redirected file, docker logs), which is why the docs say to set the key outside a first
 * local run.
 * Only its SHA-256 is kept, and comparisons are between equal-length digests in constant time.
 */
@Component
public class AdminKey {

    public static final String HEADER = "X-Auth-Key";

    private final byte[] keyHash;
    private final PrintStream console;
    private String generatedKeyToAnnounce;

    @Autowired
    public AdminKey(@Value("${hub.admin-key:}") String configured) {
        this(configured, System.out);
    }

    AdminKey(String configured, PrintStream console) {
        this.console = console;
        String key;
        if (configured == null || configured.isBlank()) {
            key = RandomSecrets.generate();
            generatedKeyToAnnounce = key;
        } else if (configured.trim().length() < RandomSecrets.MIN_CONFIGURED_LENGTH) {
            throw new KeyConfigurationException(
                    "hub.admin-key (HUB_ADMIN_KEY) is shorter than " + RandomSecrets.MIN_CONFIGURED_LENGTH
                            + " characters; it guards every practice and its API keys.",
                    "Set HUB_ADMIN_KEY to a long random value, e.g. the output of: openssl rand -base64 32, "
                            + "or leave it unset to get a generated key for this run.");
        } else {
            key = configured.trim();
        }
        this.keyHash = ApiKeys.hash(key);
    }

    /**
     * Checks the caller's {@code X-Auth-Key} and removes it from the message so nothing later can echo it.
     * Missing is 401, wrong is 403.
     */
    public void authenticate(Exchange exchange) {
        Message message = exchange.getMessage();
        String presented = message.getHeader(HEADER, String.class);
        message.removeHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            throw HttpProblem.unauthorized("Partner API key required (X-Auth-Key header)");
        }
        if (!MessageDigest.isEqual(keyHash, ApiKeys.hash(presented.trim()))) {
            throw HttpProblem.forbidden("Invalid partner API key");
        }
    }

    /** After start-up, so the banner is not lost among the start-up log lines. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void announceGeneratedKey() {
        if (generatedKeyToAnnounce == null) {
            return;
        }
        String line = "=".repeat(78);
        console.println();
        console.println(line);
        console.println(" Partner admin key (X-Auth-Key) for this run: " + generatedKeyToAnnounce);
        console.println(" Set HUB_ADMIN_KEY to keep one across restarts.");
        console.println(line);
        console.println();
        console.flush();
        generatedKeyToAnnounce = null;
    }
}
