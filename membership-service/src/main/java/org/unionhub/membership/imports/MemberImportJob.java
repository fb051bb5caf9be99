package org.unionhub.membership.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.membership.member.JoinChannel;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.member.MemberEvents;
import org.unionhub.membership.member.Members;
import org.unionhub.membership.member.MobilePhone;
import org.unionhub.membership.member.PersonalData;
import org.unionhub.membership.organization.Organization;
import org.unionhub.membership.organization.OrganizationTree;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.time.BusinessClock;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs enrollment files on {@code unionhub.import.workers} threads; at most {@code unionhub.import.queue} more
 * jobs wait (the resource answers 429 beyond). A job streams its stored file and writes it in chunks of
 * {@value #CHUNK} rows: each chunk is one transaction holding the members, their history, their member.joined
 * events ({@link Outbox#publishAll}), the failed rows and the job's progress (the last committed row). A job
 * interrupted at any point (kill -9, a restart) is resumed after that row by {@link ImportRecovery}; rows of people
 * who already hold a membership are skipped, so no row is ever imported twice.
 */
@ApplicationScoped
public class MemberImportJob {

    /** Fired on the worker thread when a job (or its resumption) starts. */
    public record Starting(UUID jobId) {
    }

    private static final Logger LOG = Logger.getLogger(MemberImportJob.class);
    static final int CHUNK = 1000;
    /** pg advisory lock class of import jobs ("mimp"): one runner per job across replicas. */
    private static final int LOCK_CLASS = 0x6d696d70;

    private final DataSource dataSource;
    private final BusinessClock clock;
    private final PersonalData personalData;
    private final Members members;
    private final Outbox outbox;
    private final ImportFiles files;
    private final Event<Starting> starting;
    private final Semaphore slots;
    private final ThreadPoolExecutor executor;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public MemberImportJob(DataSource dataSource, PersonalData personalData, Members members, Outbox outbox, ImportFiles files,
                           Event<Starting> starting, BusinessClock clock,
                           @ConfigProperty(name = "unionhub.import.workers", defaultValue = "1") int workers,
                           @ConfigProperty(name = "unionhub.import.queue", defaultValue = "4") int queue) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.personalData = personalData;
        this.members = members;
        this.outbox = outbox;
        this.files = files;
        this.starting = starting;
        this.slots = new Semaphore(workers + queue);
        AtomicInteger n = new AtomicInteger();
        // the semaphore bounds what waits here; the queue itself never refuses a job that was admitted
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "member-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        // running jobs stay RUNNING with their last chunk committed; the next start resumes them
        stopping = true;
        executor.shutdownNow();
    }

    /** Takes a place for a new job (a worker or the queue); false when all are taken. */
    public boolean tryAdmit() {
        return slots.tryAcquire();
    }

    /** Gives back a place taken by {@link #tryAdmit} for a job that was not submitted after all. */
    public void release() {
        slots.release();
    }

    /** Runs a stored job for which {@link #tryAdmit} took a place. */
    public void submitAdmitted(UUID jobId) {
        inFlight.add(jobId);
        execute(jobId);
    }

    /**
     * Resumes an unfinished job (recovery): false when this process already has it or no place is free (the next
     * sweep tries again).
     */
    public boolean resume(UUID jobId) {
        if (stopping || !inFlight.add(jobId)) {
            return false;
        }
        if (!slots.tryAcquire()) {
            inFlight.remove(jobId);
            return false;
        }
        execute(jobId);
        return true;
    }

    private void execute(UUID jobId) {
        try {
            executor.execute(() -> {
                try {
                    runChunks(jobId, Integer.MAX_VALUE);
                } finally {
                    inFlight.remove(jobId);
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the job stays QUEUED and is resumed by the next start
            inFlight.remove(jobId);
            slots.release();
        }
    }

    /**
     * Runs a job from its last committed row.
     *
     * @param maxChunks stop (leaving the job RUNNING) after that many committed chunks, as a process that dies there
     *                  would; the recovery test uses it
     */
    void runChunks(UUID jobId, int maxChunks) {
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, jobId)) {
                return; // another replica runs it
            }
            try {
                starting.fire(new Starting(jobId));
                process(jobId, maxChunks);
            } catch (ImportFiles.Gone e) {
                fail(jobId, "the uploaded file is no longer stored; upload it again (rows already imported are skipped)");
            } catch (CharacterCodingException e) {
                fail(jobId, "the file could not be read as its charset; upload it again as UTF-8");
            } catch (ImportRows.BadHeader e) {
                fail(jobId, e.getMessage());
            } catch (IOException | RuntimeException e) {
                if (stopping) {
                    LOG.infof("member import %s interrupted by the shutdown; it resumes at the next start", jobId);
                    return;
                }
                LOG.errorf(e, "member import %s failed", jobId);
                fail(jobId, "the import stopped on an internal error; rows imported so far stay, "
                        + "and uploading the file again imports the rest (rows already imported are skipped)");
            } finally {
                unlock(lock, jobId);
            }
        } catch (SQLException e) {
            // the database is unavailable: the job stays as it is, and a later sweep resumes it
            LOG.warnf("member import %s cannot start now: %s", jobId, e.getMessage());
        }
    }

    private void process(UUID jobId, int maxChunks) throws IOException {
        MemberImport job = QuarkusTransaction.requiringNew().call(() -> {
            MemberImport j = MemberImport.findById(jobId);
            if (j == null || j.finished()) {
                return null;
            }
            j.status = MemberImport.Status.RUNNING;
            j.attempts++;
            j.runStartedAt = clock.now();
            j.runStartedRows = j.doneRows;
            return j;
        });
        if (job == null) {
            return;
        }
        long started = System.nanoTime();
        Charset charset = Charset.forName(job.charset);
        LocalDate today = clock.today();
        Map<String, Integer> seen = new HashMap<>();
        Map<UUID, String> paths = new HashMap<>();
        int committed = job.lastRow;
        int record = 0;
        int chunks = 0;
        try (Csv csv = new Csv(new InputStreamReader(files.open(jobId), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            Csv.Record headerRecord = csv.next();
            if (headerRecord == null) {
                throw new ImportFiles.Gone(jobId);
            }
            Map<String, Integer> header = ImportRows.header(headerRecord);
            List<Csv.Record> replay = new ArrayList<>();
            List<Csv.Record> chunk = new ArrayList<>(CHUNK);
            for (Csv.Record r = csv.next(); r != null; r = csv.next()) {
                record++;
                if (record <= job.lastRow) {
                    // committed before the interruption: only remember who they named (a later duplicate still fails)
                    replay.add(r);
                    if (replay.size() == CHUNK) {
                        ImportRows.check(replay, header, personalData::hash, today, seen);
                        replay.clear();
                    }
                    continue;
                }
                if (!replay.isEmpty()) {
                    ImportRows.check(replay, header, personalData::hash, today, seen);
                    replay.clear();
                }
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    commitChunk(job, header, chunk, committed, record, paths, seen, today);
                    committed = record;
                    chunk.clear();
                    if (++chunks >= maxChunks || stopping) {
                        return;
                    }
                }
            }
            if (!chunk.isEmpty()) {
                commitChunk(job, header, chunk, committed, record, paths, seen, today);
                if (++chunks >= maxChunks) {
                    return;
                }
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport j = MemberImport.findById(jobId);
            j.status = MemberImport.Status.DONE;
            j.finishedAt = clock.now();
            files.delete(jobId);
        });
        LOG.infof("member import %s: %d rows in %d ms (run %d)", jobId, record - job.lastRow,
                (System.nanoTime() - started) / 1_000_000, job.attempts);
    }

    private void fail(UUID jobId, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                MemberImport j = MemberImport.findById(jobId);
                if (j != null && !j.finished()) {
                    j.status = MemberImport.Status.FAILED;
                    j.error = reason;
                    j.finishedAt = clock.now();
                    files.delete(jobId);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("member import %s: could not record its failure (%s); a later sweep resumes it", jobId, e.getMessage());
        }
    }

    /** Checks, places and writes one chunk, with the job's progress, in one transaction. */
    private void commitChunk(MemberImport job, Map<String, Integer> header, List<Csv.Record> records, int fromRow, int toRow,
                             Map<UUID, String> paths, Map<String, Integer> seen, LocalDate today) {
        ImportRows.Checked checked = ImportRows.check(records, header, personalData::hash, today, seen);
        List<ImportRows.Failure> failures = new ArrayList<>(checked.failures());
        resolvePaths(checked.rows(), paths);
        List<ImportRows.Row> placeable = new ArrayList<>(checked.rows().size());
        for (ImportRows.Row row : checked.rows()) {
            String path = paths.get(row.organizationId());
            if (path == null || path.isEmpty()) {
                failures.add(new ImportRows.Failure(row.line(), "organizationId: no such organization"));
            } else if (job.staffOrg != null && !OrganizationPath.isWithin(path, job.staffOrg)) {
                failures.add(new ImportRows.Failure(row.line(), "organizationId: outside your organization's subtree"));
            } else {
                placeable.add(row);
            }
        }
        failures.sort(Comparator.comparingInt(ImportRows.Failure::line));
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                int[] result = importRows(c, placeable, paths, job.createdBy);
                insertFailures(c, job.id, failures);
                try (PreparedStatement ps = c.prepareStatement("UPDATE member_import SET done_rows = done_rows + ?, imported = imported + ?, "
                        + "skipped = skipped + ?, failed = failed + ?, last_row = ? WHERE id = ? AND last_row = ?")) {
                    ps.setInt(1, records.size());
                    ps.setInt(2, result[0]);
                    ps.setInt(3, result[1]);
                    ps.setInt(4, failures.size());
                    ps.setInt(5, toRow);
                    ps.setObject(6, job.id);
                    ps.setInt(7, fromRow);
                    if (ps.executeUpdate() != 1) {
                        // someone else committed these rows: roll this chunk back rather than import it twice
                        throw new IllegalStateException("member import " + job.id + " moved on without this worker");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** @return {imported, skipped} */
    private int[] importRows(Connection c, List<ImportRows.Row> chunk, Map<UUID, String> paths, String actor) throws SQLException {
        if (chunk.isEmpty()) {
            return new int[]{0, 0};
        }
        Map<String, Member.Status> existing = existingByHash(c, chunk);
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
        Timestamp ts = Timestamp.from(clock.now());
        int n = fresh.size();
        UUID[] ids = new UUID[n];
        String[] names = new String[n], hashes = new String[n], idCiphers = new String[n], idMasks = new String[n], births = new String[n],
                genders = new String[n], phoneCiphers = new String[n], phoneMasks = new String[n], forms = new String[n],
                employers = new String[n], orgPaths = new String[n];
        UUID[] orgs = new UUID[n];
        Map<UUID, ImportRows.Row> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ImportRows.Row row = fresh.get(i);
            ids[i] = UUID.randomUUID();
            byId.put(ids[i], row);
            names[i] = row.name();
            hashes[i] = row.idHash();
            idCiphers[i] = personalData.encrypt(row.idNumber().value());
            idMasks[i] = row.idNumber().masked();
            births[i] = row.idNumber().birthDate().toString();
            genders[i] = row.idNumber().gender().name();
            phoneCiphers[i] = personalData.encrypt(row.phone());
            phoneMasks[i] = MobilePhone.mask(row.phone());
            forms[i] = row.employmentForm().name();
            employers[i] = row.employer();
            orgs[i] = row.organizationId();
            orgPaths[i] = paths.get(row.organizationId());
        }
        // one statement of arrays, unnested in order: one parse and plan per chunk instead of 18,000 bound parameters
        List<UUID> insertedIds = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (id, name, id_hash, id_cipher, id_masked, birth_date, gender, "
                + "phone_cipher, phone_masked, employment_form, employer, organization_id, organization_path, join_channel, status, "
                + "joined_at, status_changed_at, created_by) "
                + "SELECT i, nm, h, ic, im, b::date, g, pc, pm, f, e, o, op, ?, ?, ?, ?, ? FROM unnest(?::uuid[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[]) "
                + "AS x(i, nm, h, ic, im, b, g, pc, pm, f, e, o, op) ON CONFLICT (id_hash) DO NOTHING RETURNING id")) {
            int p = 1;
            ps.setString(p++, JoinChannel.ON_SITE.name());
            ps.setString(p++, Member.Status.ACTIVE.name());
            ps.setTimestamp(p++, ts);
            ps.setTimestamp(p++, ts);
            ps.setString(p++, actor);
            ps.setArray(p++, c.createArrayOf("uuid", ids));
            for (String[] column : List.of(names, hashes, idCiphers, idMasks, births, genders, phoneCiphers, phoneMasks, forms, employers)) {
                ps.setArray(p++, c.createArrayOf("text", column));
            }
            ps.setArray(p++, c.createArrayOf("uuid", orgs));
            ps.setArray(p, c.createArrayOf("text", orgPaths));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    insertedIds.add(rs.getObject(1, UUID.class));
                }
            }
        }
        skipped += n - insertedIds.size();
        if (!insertedIds.isEmpty()) {
            UUID[] inserted = insertedIds.toArray(UUID[]::new);
            UUID[] insertedOrgs = insertedIds.stream().map(id -> byId.get(id).organizationId()).toArray(UUID[]::new);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_history (member_id, at, actor, action, from_status, to_status, "
                    + "to_organization_id, reason) SELECT m, ?, ?, 'JOINED', NULL, 'ACTIVE', o, 'bulk enrollment' "
                    + "FROM unnest(?::uuid[], ?::uuid[]) AS x(m, o)")) {
                ps.setTimestamp(1, ts);
                ps.setString(2, actor);
                ps.setArray(3, c.createArrayOf("uuid", inserted));
                ps.setArray(4, c.createArrayOf("uuid", insertedOrgs));
                ps.executeUpdate();
            }
            List<Outbox.Message> events = new ArrayList<>(insertedIds.size());
            for (UUID id : insertedIds) {
                ImportRows.Row row = byId.get(id);
                events.add(new Outbox.Message(MemberEvents.TOPIC, MemberEvents.JOINED, id, new MemberEvents.MemberEventData(id, row.name(),
                        Member.Status.ACTIVE.name(), row.organizationId(), OrganizationTree.ancestors(paths.get(row.organizationId())),
                        row.employmentForm().name(), null, null, null, null, null, null)));
            }
            outbox.publishAll(events);
        }
        return new int[]{imported + insertedIds.size(), skipped};
    }

    private static void insertFailures(Connection c, UUID job, List<ImportRows.Failure> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_import_failure (job_id, line, reason) "
                + "SELECT ?, l, r FROM unnest(?::int[], ?::text[]) AS x(l, r)")) {
            ps.setObject(1, job);
            ps.setArray(2, c.createArrayOf("int4", failures.stream().map(ImportRows.Failure::line).toArray(Integer[]::new)));
            ps.setArray(3, c.createArrayOf("text", failures.stream().map(ImportRows.Failure::reason).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    private static Map<String, Member.Status> existingByHash(Connection c, List<ImportRows.Row> chunk) throws SQLException {
        Map<String, Member.Status> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id_hash, status FROM member WHERE id_hash = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", chunk.stream().map(ImportRows.Row::idHash).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), Member.Status.valueOf(rs.getString(2)));
                }
            }
        }
        return found;
    }

    /** Looks up the organizations a chunk names that earlier chunks did not ("" = no such organization). */
    private void resolvePaths(List<ImportRows.Row> rows, Map<UUID, String> paths) {
        Set<UUID> unknown = new HashSet<>();
        rows.forEach(r -> {
            if (!paths.containsKey(r.organizationId())) {
                unknown.add(r.organizationId());
            }
        });
        if (unknown.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, path FROM organization WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", unknown.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paths.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        unknown.forEach(id -> paths.putIfAbsent(id, ""));
    }

    private static boolean tryLock(Connection c, UUID job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, job.hashCode());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, UUID job) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, job.hashCode());
            ps.execute();
        } catch (SQLException e) {
            LOG.debugf("unlocking import %s: %s (the lock ends with the connection)", job, e.getMessage());
        }
    }
}
