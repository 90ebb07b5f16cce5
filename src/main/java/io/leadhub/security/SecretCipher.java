package io.leadhub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Encrypts the retrievable copy of practice API keys (AES-256-GCM via Spring Security Crypto's
 * {@code Encryptors.stronger}; a fresh IV per value, so equal keys never give equal ciphertexts).
 *
 * <p>The key comes from {@code hub.secret-key}. Left blank with the embedded database, one is generated and
 * kept in {@code hub.secret-key-file} (owner-only permissions) beside the data it protects, so practice keys
 * stay retrievable across restarts. Left blank with an external database, start-up fails: a generated key on
 * one instance's disk would make the keys stored in the shared database unreadable to every other instance.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);

    // PBKDF2 salt. The secret is already high-entropy and per-deployment, so the salt only separates this use
    // of it from any other; it may be public and must never change (stored ciphertexts depend on it).
    private static final String SALT_HEX = "6c656164687562206b657920636f7079";

    private final BytesEncryptor encryptor;

    public SecretCipher(@Value("${hub.secret-key:}") String secretKey,
            @Value("${hub.secret-key-file:data/secret.key}") Path secretKeyFile,
            @Value("${spring.datasource.url:}") String externalDatabaseUrl) {
        this.encryptor = Encryptors.stronger(resolveKey(secretKey, secretKeyFile, externalDatabaseUrl), SALT_HEX);
    }

    public String encrypt(String plaintext) {
        return Base64.getEncoder().encodeToString(encryptor.encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** Throws {@link IllegalStateException} when the value was encrypted under another key or altered. */
    public String decrypt(String ciphertext) {
        return new String(encryptor.decrypt(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
    }

    private static String resolveKey(String configured, Path keyFile, String externalDatabaseUrl) {
        if (configured != null && !configured.isBlank()) {
            if (configured.trim().length() < RandomSecrets.MIN_CONFIGURED_LENGTH) {
                throw new KeyConfigurationException(
                        "hub.secret-key (HUB_SECRET_KEY) is shorter than " + RandomSecrets.MIN_CONFIGURED_LENGTH
                                + " characters.",
                        "Set HUB_SECRET_KEY to a long random value, e.g. the output of: openssl rand -base64 32");
            }
            return configured.trim();
        }
        if (externalDatabaseUrl != null && !externalDatabaseUrl.isBlank()) {
            throw new KeyConfigurationException(
                    "hub.secret-key (HUB_SECRET_KEY) is not set, and an external database is configured. "
                            + "Practice API keys are stored encrypted in that database, so every hub instance "
                            + "must share the same secret key.",
                    "Set HUB_SECRET_KEY to the same long random value on every instance, e.g. the output of: "
                            + "openssl rand -base64 32. Keep it: changing it makes stored practice keys "
                            + "unretrievable until they are rotated.");
        }
        return loadOrCreate(keyFile);
    }

    private static String loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return readKeyFile(keyFile);
            }
            Path parent = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            String key = RandomSecrets.generate();
            createOwnerOnly(keyFile);
            Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8);
            log.info("Generated the secret key that encrypts practice API keys and stored it in {}; "
                    + "back it up with the database, or set HUB_SECRET_KEY instead", keyFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + keyFile, e);
        }
    }

    private static String readKeyFile(Path keyFile) throws IOException {
        String key = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
        if (key.length() < RandomSecrets.MIN_CONFIGURED_LENGTH) {
            throw new KeyConfigurationException("The secret key file " + keyFile + " is empty or too short.",
                    "Restore it from a backup, or set HUB_SECRET_KEY to the key it held.");
        }
        return key;
    }

    private static void createOwnerOnly(Path keyFile) throws IOException {
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
            keyFile.toFile().setReadable(false, false);
            keyFile.toFile().setReadable(true, true);
            keyFile.toFile().setWritable(false, false);
            keyFile.toFile().setWritable(true, true);
        }
    }
}
