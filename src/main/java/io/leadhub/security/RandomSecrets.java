package io.leadhub.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generated secrets: the admin key and the encryption key when the operator did not configure one, and the
 * embedded database's password. One generator, so every secret the hub makes has the same strength.
 */
public final class RandomSecrets {

    /** Shortest configured secret accepted: a guessable admin or encryption key protects nothing. */
    static final int MIN_CONFIGURED_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
    }

    /** 256 random bits, URL-safe so it can be pasted into headers and environment variables unquoted. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
