package io.leadhub.persistence;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Decides whether a failure may succeed if simply tried again. Spring's exception translation does not map
 * every PostgreSQL state (a lock timeout, 55P03, arrives as an uncategorized exception), so the SQLState of
 * the cause decides, with Spring's transient types as the first answer.
 */
public final class TransientDatabaseFailures {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            LOCK_NOT_AVAILABLE,
            "57014", // query_canceled (statement or lock timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now
            "53300"  // too_many_connections
    );

    private TransientDatabaseFailures() {
    }

    /**
     * Whether the failure is PostgreSQL's lock_timeout (55P03): a row the statement had to lock was held by
     * another transaction for longer than the connection's lock_timeout. Unlike the other transient failures it
     * says something about one lead, not the database: the other leads of the statement may be free.
     */
    public static boolean isLockTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state) || state.startsWith("08")) {
                    return true;
                }
            }
        }
        return false;
    }
}
