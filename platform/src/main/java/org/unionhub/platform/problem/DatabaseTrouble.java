package org.unionhub.platform.problem;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises, anywhere in an exception's causes, the database failures a client should retry rather than report:
 * Hibernate, Agroal and Narayana wrap the driver's {@link SQLException} differently depending on where it struck
 * (acquiring a connection, a query, the commit), so the SQLState is looked for along the whole chain.
 */
public final class DatabaseTrouble {

    /** What the client is told; {@code retryAfterSeconds} 0 means no Retry-After. */
    public enum Kind {
        /** Unreachable, refused, shut down, pool exhausted, socket timeout: 503, retry in a few seconds. */
        UNAVAILABLE(503, "database-unavailable", "Service unavailable",
                "the database is unreachable for the moment; nothing was changed, retry shortly", 5),
        /** Lock timeout (55P03): another request holds the rows; 503, retry soon. */
        BUSY(503, "database-busy", "Service unavailable",
                "the records are locked by another change for the moment; nothing was changed, retry shortly", 2),
        /** Statement timeout (57014): the query was cancelled; 503. */
        TIMEOUT(503, "database-timeout", "Service unavailable",
                "the database took too long and the request was cancelled; nothing was changed, retry shortly", 5),
        /** Serialization failure or deadlock (40001, 40P01): a concurrent change won; 409 like an optimistic-lock conflict. */
        CONFLICT(409, "concurrent-change", "Conflict",
                "someone else changed this at the same time; read it again and retry", 0);

        public final int status;
        public final String slug;
        public final String title;
        public final String detail;
        public final int retryAfterSeconds;

        Kind(int status, String slug, String title, String detail, int retryAfterSeconds) {
            this.status = status;
            this.slug = slug;
            this.title = title;
            this.detail = detail;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private DatabaseTrouble() {
    }

    public static Optional<Kind> of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                Optional<Kind> kind = bySqlState(sql);
                if (kind.isPresent()) {
                    return kind;
                }
            }
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return Optional.of(Kind.UNAVAILABLE);
            }
            String message = t.getMessage();
            // Agroal: "Sorry, acquisition timeout!" (no SQLState) when no connection came within acquisition-timeout
            if (t instanceof SQLException && message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return Optional.of(Kind.UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    private static Optional<Kind> bySqlState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return Optional.empty();
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("53000")) {
            // connection exceptions, admin/crash shutdown, cannot connect now, too many connections
            return Optional.of(Kind.UNAVAILABLE);
        }
        return switch (state) {
            case "55P03" -> Optional.of(Kind.BUSY);
            case "57014" -> Optional.of(Kind.TIMEOUT);
            case "40001", "40P01" -> Optional.of(Kind.CONFLICT);
            default -> Optional.empty();
        };
    }
}
