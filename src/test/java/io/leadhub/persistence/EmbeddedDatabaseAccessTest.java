package io.leadhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadhub.persistence.EmbeddedPostgresConfiguration.EmbeddedDatabase;
import io.leadhub.persistence.EmbeddedPostgresConfiguration.EmbeddedDatabaseProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup database admits only the hub: a local account that connects without the password, or with
 * another one, is refused, on a new cluster and on one made before the hub set a password.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path home;
    private String workingDirBefore;

    @BeforeEach
    void rememberZonkysWorkingDirectory() {
        workingDirBefore = System.getProperty("ot.epg.working-dir");
    }

    @AfterEach
    void restoreZonkysWorkingDirectory() {
        if (workingDirBefore == null) {
            System.clearProperty("ot.epg.working-dir");
        } else {
            System.setProperty("ot.epg.working-dir", workingDirBefore);
        }
    }

    @Test
    void aNewClusterOpensOnlyWithThePasswordKeptBesideItForItsOwner() throws Exception {
        Path dataDir = home.resolve("data/postgres");

        EmbeddedDatabase first = EmbeddedPostgresConfiguration.start(new EmbeddedDatabaseProperties(dataDir, 0, false));
        int port = first.postgres().getPort();
        try {
            assertOnlyThePasswordOpens(port, first.password());
        } finally {
            first.postgres().close();
        }
        Path passwordFile = home.resolve("data/postgres.password");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(first.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data/embedded-pg"))))
                .as("where zonky unpacks (and makes world-writable) the binaries it runs").isEqualTo("rwx------");

        EmbeddedDatabase again = EmbeddedPostgresConfiguration.start(new EmbeddedDatabaseProperties(dataDir, 0, false));
        try {
            assertThat(again.password()).isEqualTo(first.password());
            assertOnlyThePasswordOpens(again.postgres().getPort(), again.password());
        } finally {
            again.postgres().close();
        }
    }

    @Test
    void aClusterMadeBeforePasswordsIsClosedOnItsNextStart() throws Exception {
        Path dataDir = home.resolve("data/postgres");
        Files.createDirectories(dataDir);
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false).start();
                Connection anyone = DriverManager.getConnection(trusting.getJdbcUrl("postgres", "postgres"))) {
            anyone.createStatement().execute("CREATE TABLE kept (id int)");
        }

        EmbeddedDatabase hub = EmbeddedPostgresConfiguration.start(new EmbeddedDatabaseProperties(dataDir, 0, false));
        try {
            assertOnlyThePasswordOpens(hub.postgres().getPort(), hub.password());
            try (Connection connection = connect(hub.postgres().getPort(), hub.password())) {
                assertThat(connection.createStatement().executeQuery("SELECT count(*) FROM kept").next()).isTrue();
            }
        } finally {
            hub.postgres().close();
        }
    }

    @Test
    void aMissingPasswordFileIsReportedNotWaitedOn() throws Exception {
        Path dataDir = home.resolve("data/postgres");
        EmbeddedPostgresConfiguration.start(new EmbeddedDatabaseProperties(dataDir, 0, false)).postgres().close();
        Files.delete(home.resolve("data/postgres.password"));

        assertThatThrownBy(() -> EmbeddedPostgresConfiguration.start(new EmbeddedDatabaseProperties(dataDir, 0, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres.password").hasMessageContaining("missing");
    }

    private static void assertOnlyThePasswordOpens(int port, String password) throws SQLException {
        assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(port, password + "x").close()).isInstanceOf(SQLException.class);
        try (Connection connection = connect(port, password)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }
}
