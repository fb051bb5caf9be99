package org.unionhub.membership.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.unionhub.membership.member.JoinChannel;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberEvents;
import org.unionhub.membership.member.Members;
import org.unionhub.membership.member.MobilePhone;
import org.unionhub.membership.member.PersonalData;
import org.unionhub.membership.organization.Organization;
import org.unionhub.membership.organization.OrganizationTree;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs enrollment files on a worker thread, in chunks of {@value #CHUNK} rows, each chunk one transaction of
 * multi-row inserts (members, their history rows and their member.joined events in the outbox). Rows of people
 * who already hold a membership are skipped, so a file uploaded twice imports nothing the second time.
 */
@ApplicationScoped
public class MemberImportJob {

    private static final Logger LOG = Logger.getLogger(MemberImportJob.class);
    static final int CHUNK = 1000;

    private final DataSource dataSource;
    private final PersonalData personalData;
    private final ObjectMapper json;
    private final Members members;
    private final com.fasterxml.jackson.databind.ObjectWriter eventWriter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import");
        t.setDaemon(true);
        return t;
    });

    public MemberImportJob(DataSource dataSource, PersonalData personalData, ObjectMapper json, Members members) {
        this.dataSource = dataSource;
        this.personalData = personalData;
        this.json = json;
        this.members = members;
        this.eventWriter = json.writerFor(MemberEvents.MemberEventData.class);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** @param staffOrg the uploader's organization (rows must lie in its subtree); null for an admin */
    public void submit(UUID jobId, List<Csv.Record> data, Map<String, Integer> header, UUID staffOrg, String actor) {
        worker.submit(() -> {
            try {
                run(jobId, data, header, staffOrg, actor);
            } catch (RuntimeException e) {
                LOG.errorf(e, "member import %s failed", jobId);
                QuarkusTransaction.requiringNew().run(() -> {
                    MemberImport job = MemberImport.findById(jobId);
                    job.status = MemberImport.Status.FAILED;
                    job.error = "the import stopped on an internal error; rows imported so far stay";
                    job.finishedAt = Instant.now();
                });
            }
        });
    }

    void run(UUID jobId, List<Csv.Record> data, Map<String, Integer> header, UUID staffOrg, String actor) {
        long started = System.nanoTime();
        ImportRows.Checked checked = ImportRows.check(data, header, personalData::hash, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        List<ImportRows.Failure> failures = new ArrayList<>(checked.failures());
        Map<UUID, String> paths = organizationPaths(checked.rows());
        List<ImportRows.Row> placeable = new ArrayList<>();
        for (ImportRows.Row row : checked.rows()) {
            String path = paths.get(row.organizationId());
            if (path == null) {
                failures.add(new ImportRows.Failure(row.line(), "organizationId: no such organization"));
            } else if (staffOrg != null && !path.contains("/" + staffOrg + "/")) {
                failures.add(new ImportRows.Failure(row.line(), "organizationId: outside your organization's subtree"));
            } else {
                placeable.add(row);
            }
        }
        long checkedAt = System.nanoTime();
        int failedCount = failures.size();
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport job = MemberImport.findById(jobId);
            job.status = MemberImport.Status.RUNNING;
            job.failed = failedCount;
            job.doneRows = failedCount;
        });
        for (int from = 0; from < placeable.size(); from += CHUNK) {
            List<ImportRows.Row> chunk = placeable.subList(from, Math.min(placeable.size(), from + CHUNK));
            int[] result = QuarkusTransaction.requiringNew().call(() -> importChunk(chunk, paths, actor));
            QuarkusTransaction.requiringNew().run(() -> {
                MemberImport job = MemberImport.findById(jobId);
                job.imported += result[0];
                job.skipped += result[1];
                job.doneRows += chunk.size();
            });
        }
        failures.sort((a, b) -> Integer.compare(a.line(), b.line()));
        String failureJson;
        try {
            failureJson = json.writeValueAsString(failures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport job = MemberImport.findById(jobId);
            job.status = MemberImport.Status.DONE;
            job.failures = failureJson;
            job.finishedAt = Instant.now();
        });
        LOG.infof("member import %s: %d rows in %d ms (checking %d ms)", jobId, data.size(), (System.nanoTime() - started) / 1_000_000,
                (checkedAt - started) / 1_000_000);
    }

    /** @return {imported, skipped} */
    private int[] importChunk(List<ImportRows.Row> chunk, Map<UUID, String> paths, String actor) throws SQLException, JsonProcessingException {
        Map<String, Member.Status> existing = existingByHash(chunk);
        List<ImportRows.Row> fresh = new ArrayList<>();
        int imported = 0;
        int skipped = 0;
        for (ImportRows.Row row : chunk) {
            Member.Status status = existing.get(row.idHash());
            if (status == null) {
                fresh.add(row);
            } else if (status.holdsMembership()) {
                skipped++;
            } else {
                // a person who left comes back: rare, so the ordinary use case takes him back with his history
                members.join(new Members.JoinCommand(row.name(), row.idNumber().value(), row.phone(), row.employmentForm(),
                        row.employer(), row.organizationId(), JoinChannel.ON_SITE, null), Organization.findById(row.organizationId()), actor);
                imported++;
            }
        }
        if (fresh.isEmpty()) {
            return new int[]{imported, skipped};
        }
        Instant now = Instant.now();
        Timestamp ts = Timestamp.from(now);
        Map<UUID, ImportRows.Row> inserted = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            StringBuilder sql = new StringBuilder("INSERT INTO member (id, name, id_hash, id_cipher, id_masked, birth_date, gender, "
                    + "phone_cipher, phone_masked, employment_form, employer, organization_id, organization_path, join_channel, status, "
                    + "joined_at, status_changed_at, created_by) VALUES ");
            sql.append(String.join(",", Collections.nCopies(fresh.size(), "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")));
            sql.append(" ON CONFLICT (id_hash) DO NOTHING RETURNING id");
            Map<UUID, ImportRows.Row> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (ImportRows.Row row : fresh) {
                    UUID id = UUID.randomUUID();
                    byId.put(id, row);
                    ps.setObject(p++, id);
                    ps.setString(p++, row.name());
                    ps.setString(p++, row.idHash());
                    ps.setString(p++, personalData.encrypt(row.idNumber().value()));
                    ps.setString(p++, row.idNumber().masked());
                    ps.setObject(p++, row.idNumber().birthDate());
                    ps.setString(p++, row.idNumber().gender().name());
                    ps.setString(p++, personalData.encrypt(row.phone()));
                    ps.setString(p++, MobilePhone.mask(row.phone()));
                    ps.setString(p++, row.employmentForm().name());
                    ps.setString(p++, row.employer());
                    ps.setObject(p++, row.organizationId());
                    ps.setString(p++, paths.get(row.organizationId()));
                    ps.setString(p++, JoinChannel.ON_SITE.name());
                    ps.setString(p++, Member.Status.ACTIVE.name());
                    ps.setTimestamp(p++, ts);
                    ps.setTimestamp(p++, ts);
                    ps.setString(p++, actor);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        inserted.put(id, byId.get(id));
                    }
                }
            }
            skipped += fresh.size() - inserted.size();
            if (!inserted.isEmpty()) {
                insertHistory(c, inserted, ts, actor);
                insertEvents(c, inserted, paths, ts);
            }
        }
        return new int[]{imported + inserted.size(), skipped};
    }

    private void insertHistory(Connection c, Map<UUID, ImportRows.Row> inserted, Timestamp ts, String actor) throws SQLException {
        String sql = "INSERT INTO member_history (member_id, at, actor, action, from_status, to_status, to_organization_id, reason) VALUES "
                + String.join(",", Collections.nCopies(inserted.size(), "(?,?,?,'JOINED',NULL,'ACTIVE',?,'bulk enrollment')"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Map.Entry<UUID, ImportRows.Row> e : inserted.entrySet()) {
                ps.setObject(p++, e.getKey());
                ps.setTimestamp(p++, ts);
                ps.setString(p++, actor);
                ps.setObject(p++, e.getValue().organizationId());
            }
            ps.executeUpdate();
        }
    }

    /** member.joined for each, written straight into the platform's outbox table (Outbox.publish is one row per call). */
    private void insertEvents(Connection c, Map<UUID, ImportRows.Row> inserted, Map<UUID, String> paths, Timestamp ts)
            throws SQLException, JsonProcessingException {
        String sql = "INSERT INTO outbox (event_id, topic, event_type, aggregate_id, payload, occurred_at) VALUES "
                + String.join(",", Collections.nCopies(inserted.size(), "(?,?,?,?,?,?)"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Map.Entry<UUID, ImportRows.Row> e : inserted.entrySet()) {
                ImportRows.Row row = e.getValue();
                MemberEvents.MemberEventData data = new MemberEvents.MemberEventData(e.getKey(), row.name(), Member.Status.ACTIVE.name(),
                        row.organizationId(), OrganizationTree.ancestors(paths.get(row.organizationId())), row.employmentForm().name(),
                        null, null, null, null, null, null);
                ps.setObject(p++, UUID.randomUUID());
                ps.setString(p++, MemberEvents.TOPIC);
                ps.setString(p++, MemberEvents.JOINED);
                ps.setString(p++, e.getKey().toString());
                ps.setString(p++, eventWriter.writeValueAsString(data));
                ps.setTimestamp(p++, ts);
            }
            ps.executeUpdate();
        }
    }

    private Map<String, Member.Status> existingByHash(List<ImportRows.Row> chunk) throws SQLException {
        Map<String, Member.Status> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id_hash, status FROM member WHERE id_hash = ANY(?)")) {
            Array hashes = c.createArrayOf("text", chunk.stream().map(ImportRows.Row::idHash).toArray());
            ps.setArray(1, hashes);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), Member.Status.valueOf(rs.getString(2)));
                }
            }
        }
        return found;
    }

    private Map<UUID, String> organizationPaths(List<ImportRows.Row> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.organizationId()));
        Map<UUID, String> paths = new HashMap<>();
        if (ids.isEmpty()) {
            return paths;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT id, path FROM organization WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        paths.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return paths;
    }
}
