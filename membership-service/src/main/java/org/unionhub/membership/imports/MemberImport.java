package org.unionhub.membership.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A bulk enrollment job and its progress; its file lives in member_import_part until it ends. */
@Entity
@Table(name = "member_import")
public class MemberImport extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "done_rows")
    public int doneRows;
    public int imported;
    public int skipped;
    public int failed;
    public String failures;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String error;
    /** The charset the file is read with (declared or detected at upload). */
    public String charset;
    @Column(name = "staff_org")
    public UUID staffOrg;
    @Column(name = "last_row")
    public int lastRow;
    @Column(name = "run_started_at")
    public Instant runStartedAt;
    @Column(name = "run_started_rows")
    public int runStartedRows;
    public int attempts;

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
