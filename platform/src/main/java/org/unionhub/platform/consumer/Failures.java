package org.unionhub.platform.consumer;

import org.unionhub.platform.event.IncomingEvent;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Decides what a consumer does with a failure. A record is poison only when the record itself is at
 * fault (not a CloudEvent, not JSON, missing what its schema requires): it goes to the dead-letter topic.
 * A failure of the database or the broker (down, failing over, pool exhausted, lock or statement
 * timeout, serialization conflict, deadlock) says nothing about the record: the consumer keeps it,
 * backs off and tries again, so a database blip never leaves a projection wrong until an operator replays.
 */
public final class Failures {

    public enum Kind {
        /** retry the same records after a pause */
        TRANSIENT,
        /** the record cannot be applied ever: dead-letter it */
        POISON,
        /** neither: apply the records one by one to find the one at fault */
        UNKNOWN
    }

    /** PostgreSQL SQLSTATEs that pass by themselves (PostgreSQL appendix A). */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, in recovery)
            "53300", // too_many_connections
            "53400", // configuration_limit_exceeded
            "58030", // io_error
            "25006"); // read_only_sql_transaction (connected to a standby mid-failover)

    /** Class-wide SQLSTATEs: 08 connection exception, 53 insufficient resources. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause(), depth++) {
            if (t instanceof IncomingEvent.MalformedEventException) {
                return Kind.POISON;
            }
            if (isTransient(t)) {
                return Kind.TRANSIENT;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    if (isTransient(next)) {
                        return Kind.TRANSIENT;
                    }
                }
            }
        }
        return Kind.UNKNOWN;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t instanceof SocketException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5
                    && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            // Agroal, when the pool stays exhausted: "Sorry, acquisition timeout!" without a SQLSTATE
            String message = sql.getMessage();
            if (state == null && message != null && message.contains("acquisition timeout")) {
                return true;
            }
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_CLASS_NAMES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
