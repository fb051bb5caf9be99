package org.unionhub.membership.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Where two requests race for one row (a person's membership, a valid card, a credit code), a unique index decides:
 * the loser's flush is refused with SQLSTATE 23505, and the loser hears the caller's own 409 instead of a generic one.
 */
public final class UniqueIndex {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueIndex() {
    }

    /** Flushes; a unique index refusing the rows becomes {@code loser}'s exception, anything else goes on as it was. */
    public static void flush(EntityManager em, Supplier<? extends RuntimeException> loser) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (refused(e)) {
                throw loser.get();
            }
            throw e;
        }
    }

    static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
