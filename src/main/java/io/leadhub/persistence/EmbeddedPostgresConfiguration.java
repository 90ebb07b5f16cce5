package io.leadhub.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.leadhub.security.RandomSecrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup database: when no {@code spring.datasource.url} is configured, start a real PostgreSQL
 * from zonky's Maven Central binaries. Its data lives in {@code hub.embedded-db.data-dir} (./data/postgres
 * by default) so leads survive a restart; tests point it at a fresh temporary directory instead.
 *
 * <p>Closed to the machine's other users. zonky's cluster trusts every local connection (initdb -A trust) with a
 * world-writable socket, so any local account was its superuser, could read ./data/secret.key through it and
 * run programs as the hub's user; and it unpacks PostgreSQL under a shared, world-writable /tmp/embedded-pg,
 * where another account could swap the binaries. Here the superuser gets a random password (kept in
 * ./data/postgres.password, readable by the hub's user only; in memory for a temporary cluster), every
 * connection must present it (scram-sha-256 in pg_hba.conf), the socket is the owner's only, and the binaries
 * are unpacked inside ./data/embedded-pg, which only the hub's user may enter. A cluster from an earlier version, made before any of this, is closed
 * the same way on its next start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String SUPERUSER = "postgres";
    private static final String PG_HBA = """
            # Written by the lead-intake hub on every start: only the password in ../postgres.password opens this
            # database (see EmbeddedPostgresConfiguration). No replication connections.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    /** How the hub knows a pg_hba.conf it wrote: a cluster it has closed. */
    private static final String HBA_MARK = PG_HBA.lines().findFirst().orElseThrow();

    /** The running cluster and the password that opens it. */
    public record EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    }

    @Bean(destroyMethod = "")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
        return start(properties);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabase database) {
        return database.postgres();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedPostgres postgres) {
        // Taking the EmbeddedPostgres bean makes the pool close before the server stops.
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl(SUPERUSER, "postgres"))
                .username(SUPERUSER)
                .password(database.password())
                .build();
    }

    static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException {
        boolean fresh = properties.ephemeral();
        Path dataDir = fresh ? Files.createTempDirectory("hub-pg-") : properties.dataDir().toAbsolutePath();
        Path passwordFile = fresh ? null : dataDir.resolveSibling(dataDir.getFileName() + ".password");
        if (!fresh) {
            Files.createDirectories(dataDir.getParent());
            // zonky makes its working directory world-writable (File.setWritable(true, false)), so it goes one
            // level inside a directory only the hub's user may enter. Read once per JVM; tests (fresh
            // clusters) keep the shared default and its cache.
            Path privateDir = Files.createDirectories(dataDir.resolveSibling("embedded-pg"));
            ownerOnly(privateDir);
            System.setProperty("ot.epg.working-dir", privateDir.resolve("binaries").toString());
        }
        String password = fresh ? RandomSecrets.generate() : passwordFor(dataDir, passwordFile);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(fresh)
                .setConnectConfig("password", password)
                .setServerConfig("unix_socket_permissions", "0700")
                // Durable by default: the zonky defaults turn fsync off, which is fine for tests only.
                .setServerConfig("fsync", fresh ? "off" : "on")
                .setServerConfig("synchronous_commit", fresh ? "off" : "on")
                .setServerConfig("full_page_writes", fresh ? "off" : "on")
                .setServerConfig("max_connections", "100");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            requirePassword(postgres, dataDir, password);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Could not protect the embedded PostgreSQL with a password", e);
        }
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                fresh ? "a temporary directory" : dataDir);
        return new EmbeddedDatabase(postgres, password);
    }

    /** The cluster's password from its file; a new one, written first, for a cluster that has none yet. */
    private static String passwordFor(Path dataDir, Path passwordFile) throws IOException {
        if (Files.exists(passwordFile)) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARK)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " needs the password in "
                    + passwordFile + ", which is missing. Restore that file, or move " + dataDir.getParent()
                    + " away to start with an empty database.");
        }
        String password = RandomSecrets.generate();
        // Written before PostgreSQL learns it: a crash in between leaves a file and a cluster that still trusts.
        Path written = Files.createTempFile(passwordFile.getParent(), ".postgres-password", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
        Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return password;
    }

    /** Sets the superuser's password (as a SCRAM verifier, computed by the driver) and demands it from now on. */
    private static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), null);
            try {
                Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static void ownerOnly(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("{} keeps the file system's own permissions", directory);
        }
    }

    /** Settings of the embedded database; ignored when an external datasource is configured. */
    @ConfigurationProperties("hub.embedded-db")
    public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean ephemeral) {
        public EmbeddedDatabaseProperties {
            if (dataDir == null) {
                dataDir = new File("data/postgres").toPath();
            }
        }
    }
}
