package org.unionhub.membership.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;

import java.util.List;

/** The rows of an import job that were not imported, with the reason, in line order. */
@ApplicationScoped
public class ImportFailures {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    public List<ImportRows.Failure> of(MemberImport m) {
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).createNativeQuery(
                "SELECT line, reason FROM member_import_failure WHERE job_id = ?1 ORDER BY line", Tuple.class)
                .setParameter(1, m.id).getResultList());
        if (!rows.isEmpty()) {
            return rows.stream().map(r -> new ImportRows.Failure(r.get(0, Number.class).intValue(), r.get(1, String.class))).toList();
        }
        try {
            // jobs from before the failures had their own table
            return json.readValue(m.failures, new TypeReference<List<ImportRows.Failure>>() { });
        } catch (Exception e) {
            return List.of();
        }
    }
}
