package org.unionhub.assistance.ledger;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC on the transaction's connection, for the set-based statements of the ledger and of relief campaigns:
 * arrays of ten thousand ids are bound as one parameter, never ten thousand round trips. What the session holds is
 * flushed first, so the SQL sees every change made through entities in the same transaction.
 */
public final class SetBasedSql {

    public interface Work {
        void run(Connection c) throws SQLException;
    }

    private SetBasedSql() {
    }

    public static void run(EntityManager em, Work work) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(work::run);
    }
}
