package org.unionhub.membership.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A bulk enrollment job and its progress; its file lives in member_import_part until it ends. */
@Entity
public class MemberImport extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public int totalRows;
    public int doneRows;
    public int imported;
    public int skipped;
    public int failed;
    public String failures;
    public Instant createdAt;
    public String createdBy;
    public Instant finishedAt;
    public String error;
    /** The charset the file is read with (declared or detected at upload). */
    public String charset;
    public UUID staffOrg;
    public int lastRow;
    public Instant runStartedAt;
    public int runStartedRows;
    public int attempts;

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
