package io.leadhub.support;

import java.util.UUID;

/** Text for tests that must not compress: PostgreSQL compresses a repeated value under limits it should hit. */
public final class RandomText {

    private RandomText() {
    }

    /** At least {@code length} characters of random UUIDs. */
    public static String incompressible(int length) {
        StringBuilder text = new StringBuilder(length + 36);
        while (text.length() < length) {
            text.append(UUID.randomUUID());
        }
        return text.toString();
    }
}
