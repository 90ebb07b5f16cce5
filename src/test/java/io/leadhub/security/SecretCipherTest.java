package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Where the key that protects retrievable practice keys comes from, and that it really protects them. */
class SecretCipherTest {

    private static final String CONFIGURED = "configured-secret-0123456789";
    private static final String EMBEDDED = "";

    @TempDir
    Path dir;

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        SecretCipher cipher = new SecretCipher(CONFIGURED, dir.resolve("unused.key"), EMBEDDED);
        String key = ApiKeys.generate();

        String first = cipher.encrypt(key);
        String second = cipher.encrypt(key);

        assertThat(first).isNotEqualTo(second).doesNotContain(key.substring(ApiKeys.PREFIX.length()));
        assertThat(cipher.decrypt(first)).isEqualTo(key);
        assertThat(cipher.decrypt(second)).isEqualTo(key);
        assertThat(dir.resolve("unused.key")).doesNotExist();
    }

    @Test
    void anotherSecretKeyCannotDecrypt() {
        String ciphertext = new SecretCipher(CONFIGURED, dir.resolve("a.key"), EMBEDDED).encrypt("il_live_x");

        SecretCipher other = new SecretCipher(CONFIGURED + "-other", dir.resolve("b.key"), EMBEDDED);

        assertThatThrownBy(() -> other.decrypt(ciphertext)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withTheEmbeddedDatabaseAGeneratedKeyIsKeptOwnerOnlyAndSurvivesARestart() throws Exception {
        Path keyFile = dir.resolve("data/secret.key");
        String ciphertext = new SecretCipher(" ", keyFile, EMBEDDED).encrypt("il_live_survives");

        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        SecretCipher afterRestart = new SecretCipher("", keyFile, EMBEDDED);
        assertThat(afterRestart.decrypt(ciphertext)).isEqualTo("il_live_survives");
    }

    @Test
    void withAnExternalDatabaseABlankKeyStopsStartUpAskingForHubSecretKey() {
        Path keyFile = dir.resolve("secret.key");

        assertThatThrownBy(() -> new SecretCipher("", keyFile, "jdbc:postgresql://db:5432/hub"))
                .isInstanceOfSatisfying(KeyConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("HUB_SECRET_KEY");
                    assertThat(e.action()).contains("Set HUB_SECRET_KEY");
                });
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void aShortConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> new SecretCipher("short", dir.resolve("k"), EMBEDDED))
                .isInstanceOf(KeyConfigurationException.class).hasMessageContaining("HUB_SECRET_KEY");
    }

    @Test
    void startUpFailuresAreExplainedByTheRegisteredFailureAnalyzer() {
        KeyConfigurationException cause = new KeyConfigurationException("What is wrong", "What to do");

        // Spring Boot's own analyzers need a bean factory; only whether ours is registered matters here.
        SpringFactoriesLoader.FailureHandler skipOthers = SpringFactoriesLoader.FailureHandler.handleMessage(
                (message, failure) -> { });
        FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, skipOthers).stream()
                .filter(KeyConfigurationFailureAnalyzer.class::isInstance)
                .findFirst().orElseThrow()
                .analyze(new IllegalStateException("Error creating bean with name 'secretCipher'", cause));

        assertThat(analysis.getDescription()).isEqualTo("What is wrong");
        assertThat(analysis.getAction()).isEqualTo("What to do");
    }
}
