package io.leadhub.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath();
        boolean fresh = properties.ephemeral();
        if (fresh) {
            dataDir = Files.createTempDirectory("hub-pg-");
        } else {
            Files.createDirectories(dataDir.getParent());
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(fresh)
                // Durable by default: the zonky defaults turn fsync off, which is fine for tests only.
                .setServerConfig("fsync", fresh ? "off" : "on")
                .setServerConfig("synchronous_commit", fresh ? "off" : "on")
                .setServerConfig("full_page_writes", fresh ? "off" : "on")
                .setServerConfig("max_connections", "100");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                fresh ? "a temporary directory" : dataDir);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
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
