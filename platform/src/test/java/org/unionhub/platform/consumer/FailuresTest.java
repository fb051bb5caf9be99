package org.unionhub.platform.consumer;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.event.IncomingEvent;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures keep a batch for a retry, which dead-letter a record. */
class FailuresTest {

    /** As Hibernate and Narayana hand them to the consumer: the SQL exception deep in the chain. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("transaction rolled back", new PersistenceException("could not execute statement", cause));
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "40001", "40P01", "55P03", "57014", "53300"})
    void databaseStatesThatPassByThemselvesAreTransient(String sqlState) {
        assertThat(Failures.classify(wrapped(new SQLException("server said " + sqlState, sqlState))))
                .isEqualTo(Failures.Kind.TRANSIENT);
    }

    @Test
    void connectionLossPoolExhaustionAndLockTimeoutsAreTransient() {
        assertThat(Failures.classify(wrapped(new SQLTransientConnectionException("pool exhausted")))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(wrapped(new SQLTimeoutException("statement timeout")))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(wrapped(new SQLException("Sorry, acquisition timeout!")))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("x"))))
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new LockTimeoutException("lock"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new PessimisticLockException("lock"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(wrapped(new ConnectException("Connection refused")))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new org.apache.kafka.common.errors.TimeoutException("broker away")))
                .isEqualTo(Failures.Kind.TRANSIENT);
    }

    @Test
    void aTransientCauseChainedAsNextExceptionIsTransient() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "xxxxx");
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(Failures.classify(wrapped(batch))).isEqualTo(Failures.Kind.TRANSIENT);
    }

    @Test
    void anUnreadableOrSchemaInvalidRecordIsPoison() {
        assertThat(Failures.classify(new IncomingEvent.MalformedEventException("event data is not JSON")))
                .isEqualTo(Failures.Kind.POISON);
        assertThat(Failures.classify(wrapped(new IncomingEvent.MalformedEventException("joined.v1 without memberId"))))
                .isEqualTo(Failures.Kind.POISON);
    }

    @Test
    void aConstraintViolationOrABugIsNeitherAndIsIsolatedRecordByRecord() {
        assertThat(Failures.classify(wrapped(new ConstraintViolationException("null value in column",
                new SQLException("null value in column \"name\"", "23502"), "member_view_name"))))
                .isEqualTo(Failures.Kind.UNKNOWN);
        assertThat(Failures.classify(new NullPointerException())).isEqualTo(Failures.Kind.UNKNOWN);
        assertThat(Failures.classify(wrapped(new SQLException("syntax error", "42601")))).isEqualTo(Failures.Kind.UNKNOWN);
    }
}
