package org.unionhub.membership.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The uploaded files of unfinished jobs, kept in the database (member_import_part) in pieces of 1 MiB: a job
 * survives a restart on any replica, and no piece of memory ever holds more than one piece of a file.
 */
@ApplicationScoped
public class ImportFiles {

    static final int PART = 1024 * 1024;

    /** The job's file is no longer stored (the job ended, or its rows were removed). */
    public static class Gone extends RuntimeException {
        Gone(UUID job) {
            super("the uploaded file of import " + job + " is no longer stored");
        }
    }

    @Inject
    DataSource dataSource;

    /** Copies a received file into the job's parts; call it in the transaction that creates the job. */
    public void store(UUID job, Path file) {
        try (Connection c = dataSource.getConnection();
             InputStream in = Files.newInputStream(file);
             PreparedStatement ps = c.prepareStatement("INSERT INTO member_import_part (job_id, part_no, bytes) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[PART];
            int part = 0;
            while (true) {
                int n = in.readNBytes(buffer, 0, PART);
                if (n == 0) {
                    break;
                }
                ps.setObject(1, job);
                ps.setInt(2, part++);
                ps.setBytes(3, n == PART ? buffer : java.util.Arrays.copyOf(buffer, n));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the upload failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the job's file; call it in the transaction that ends the job. */
    public void delete(UUID job) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM member_import_part WHERE job_id = ?")) {
            ps.setObject(1, job);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting the upload failed", e);
        }
    }

    /**
     * The job's file from its first byte, one part fetched at a time (each in its own short statement, outside
     * the caller's transactions).
     *
     * @throws Gone when no part is stored
     */
    public InputStream open(UUID job) {
        PartStream s = new PartStream(job);
        if (!s.load()) {
            throw new Gone(job);
        }
        return s;
    }

    private final class PartStream extends InputStream {
        private final UUID job;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        PartStream(UUID job) {
            this.job = job;
        }

        boolean load() {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT bytes FROM member_import_part WHERE job_id = ? AND part_no = ?")) {
                ps.setObject(1, job);
                ps.setInt(2, next);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    current = rs.getBytes(1);
                    pos = 0;
                    next++;
                    return true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the upload failed", e);
            }
        }

        @Override
        public int read() {
            if (pos == current.length && !load()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos == current.length && !load()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
