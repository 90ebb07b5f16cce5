package io.leadhub.support;

import com.zaxxer.hikari.HikariDataSource;
import io.leadhub.HubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second hub in this JVM on the first one's database (embedded or HUB_TEST_DATABASE_URL), as two instances
 * behind a load balancer. Test classes start one lazily and close it after their last test.
 */
public final class SecondHub implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HubHttp http;

    private SecondHub(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new HubHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    public static SecondHub start(HikariDataSource database) {
        return new SecondHub(new SpringApplicationBuilder(HubApplication.class)
                .profiles("test")
                // Command-line arguments, because they outrank the test profile's own datasource settings.
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.getJdbcUrl(),
                        "--spring.datasource.username=" + database.getUsername(),
                        "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword())));
    }

    public HubHttp http() {
        return http;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
