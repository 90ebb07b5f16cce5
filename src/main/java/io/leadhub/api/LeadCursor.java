package io.leadhub.api;

import io.leadhub.http.HttpProblem;
import io.leadhub.persistence.LeadReader.PagePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code nextCursor}: the last lead's creation time (microseconds, PostgreSQL's precision) and id.
 * Clients pass it back untouched; anything that does not decode is a 400.
 */
final class LeadCursor {

    private LeadCursor() {
    }

    static String encode(PagePosition position) {
        long micros = position.createdAt().getEpochSecond() * 1_000_000L + position.createdAt().getNano() / 1_000;
        String text = micros + ":" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static PagePosition decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new PagePosition(createdAt, UUID.fromString(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("Invalid cursor");
        }
    }
}
