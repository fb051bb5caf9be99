package org.unionhub.membership.http;

import java.sql.SQLException;

/** Reads what PostgreSQL said from a persistence exception. */
public final class Sql {

    private Sql() {
    }

    /** SQLSTATE 23505: a unique index refused the row (the loser of a race). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
