package io.leadhub.security;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link TenantKeyCache} honest across instances. One daemon thread holds one connection of its own,
 * LISTENs on the channel the V3 migration's triggers notify whenever keys or tenants change, and empties the
 * cache on every notification. The cache is used only while this listens: until the first LISTEN succeeds,
 * and from the moment the connection fails until a new one listens, every lookup goes to the database,
 * because changes made meanwhile are not heard. Reconnection is retried every second, with one WARN per
 * outage rather than one per attempt.
 *
 * <p>The connection is opened beside the pool, with the pool's URL and credentials, rather than borrowed from
 * it: a LISTEN session is held for the life of the instance, so a borrowed one would shrink the pool for
 * requests by one for good and be reported as a leak by Hikari's leak detection.
 */
@Component
public class ApiKeyChangeListener implements SmartLifecycle, DisposableBean {

    /** The V3 migration's channel. */
    static final String CHANNEL = "hub_api_keys_changed";
    /** Names the listening session in pg_stat_activity, so operators (and tests) can tell it apart. */
    public static final String APPLICATION_NAME = "lead-intake-hub api-key listener";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyChangeListener.class);

    /** How long one wait for notifications blocks; it bounds how long stopping takes. */
    private static final int POLL_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;
    /**
     * A connection that died without a FIN (a dropped network path) never fails a wait for notifications, so
     * the connection is probed now and then; this also keeps it from looking idle to idle_session_timeout.
     */
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final DataSource dataSource;
    private final TenantKeyCache cache;
    private volatile boolean running;
    private Thread thread;
    /** Only touched by the listener thread: whether the WARN for the current outage was already logged. */
    private boolean inOutage;

    public ApiKeyChangeListener(DataSource dataSource, TenantKeyCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** Whether the cache is in use: connected, and LISTEN succeeded. */
    public boolean isListening() {
        return cache.listening();
    }

    @Override
    public synchronized void start() {
        // With the cache switched off there is nothing to keep fresh, so no connection is taken.
        if (running || !cache.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::listenUntilStopped, "api-key-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        // Interrupting ends a back-off pause; a wait for notifications ends by itself within POLL_MILLIS.
        thread.interrupt();
        try {
            thread.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * A context whose start-up fails after this started (a broken route file, say) destroys its beans without
     * stopping lifecycles first; stopping here, before the pool this depends on is closed, ends the thread.
     */
    @Override
    public void destroy() {
        stop();
    }

    private void listenUntilStopped() {
        while (running) {
            try {
                listenOnOneConnection();
            } catch (SQLException | RuntimeException e) {
                if (running && !inOutage) {
                    inOutage = true;
                    log.warn("API key change listener has no database connection ({}); key lookups bypass the "
                            + "cache until it listens again", e.getMessage());
                }
                pause();
            }
        }
    }

    /** Returns when stopped; throws when the connection cannot be had or fails. */
    private void listenOnOneConnection() throws SQLException {
        try (Connection connection = openListeningConnection()) {
            PGConnection notifications = connection.unwrap(PGConnection.class);
            // LISTEN only takes effect at commit.
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            cache.listening(true);
            if (inOutage) {
                inOutage = false;
                log.info("API key change listener is listening again; key lookups use the cache");
            }
            relayUntilStopped(connection, notifications);
        } finally {
            cache.listening(false);
        }
    }

    /**
     * A connection outside the pool, to the pool's database as the pool's user. Only a DataSource that is not
     * Hikari's (none the hub configures) falls back to one of its own connections.
     */
    private Connection openListeningConnection() throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return dataSource.getConnection();
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        setIfPresent(properties, "user", pool.getUsername());
        setIfPresent(properties, "password", pool.getPassword());
        // Names the session in pg_stat_activity, and bounds how long a connection attempt may hang.
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", String.valueOf(TimeUnit.MILLISECONDS.toSeconds(
                Math.max(1_000, pool.getConnectionTimeout()))));
        Connection connection = new Driver().connect(pool.getJdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("The pool's JDBC URL is not a PostgreSQL URL: cannot listen for key changes");
        }
        return connection;
    }

    private static void setIfPresent(Properties properties, String name, String value) {
        if (value != null) {
            properties.setProperty(name, value);
        }
    }

    private void relayUntilStopped(Connection connection, PGConnection notifications) throws SQLException {
        long nextProbe = System.nanoTime() + PROBE_INTERVAL_NANOS;
        while (running) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                cache.invalidateAll();
            }
            if (System.nanoTime() - nextProbe >= 0) {
                if (!connection.isValid(PROBE_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                nextProbe = System.nanoTime() + PROBE_INTERVAL_NANOS;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            // Only stop() interrupts, and it has already cleared running.
            Thread.currentThread().interrupt();
        }
    }
}
