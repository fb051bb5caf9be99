package org.unionhub.competition.contest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
public class Competition extends PanacheEntityBase {

    public enum Level { NATIONAL, PROVINCIAL, CITY, ENTERPRISE }

    public enum Stage { PRELIMINARY, FINAL }

    @Id
    public UUID id;
    public String name;
    public String industry;
    @Enumerated(EnumType.STRING)
    public Level level;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    public String[] organizers;
    public String location;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public int teamSize;
    public String[] tieBreak;
    @Enumerated(EnumType.STRING)
    public CompetitionStatus status;
    /** The federation whose staff (and staff above it) run the competition. */
    public UUID organizerOrgId;
    public String createdBy;
    public Instant createdAt;
    public String updatedBy;
    public Instant updatedAt;
    public Instant publishedAt;
    /** The quotas publication was asked with (JSON), to recognise a repeat. */
    public String publishRequest;
    /** The publication result (JSON), answered again to a repeat. */
    public String publication;
    @Version
    public long version;

    public static Competition require(UUID id) {
        Competition c = findById(id);
        if (c == null) {
            throw ProblemException.notFound("competition", id);
        }
        return c;
    }

    /** Serialises writers of one competition (registrations, publication) behind its row lock. */
    public static Competition lock(UUID id) {
        Competition c = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("competition", id);
        }
        return c;
    }

    /** A shared lock: many scores may be entered at once, but not while publication holds the row. */
    public static Competition share(UUID id) {
        Competition c = findById(id, LockModeType.PESSIMISTIC_READ);
        if (c == null) {
            throw ProblemException.notFound("competition", id);
        }
        return c;
    }

    public List<AssessmentItem> items() {
        return AssessmentItem.list("competitionId = ?1 order by position", id);
    }

    public boolean isPublished() {
        return status == CompetitionStatus.PUBLISHED;
    }

    /** 409 unless the competition is in one of the given statuses. */
    public void requireStatus(String slug, String what, CompetitionStatus... allowed) {
        for (CompetitionStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw ProblemException.conflict(slug, what + " is not possible while the competition is " + status)
                .with("currentStatus", status.name());
    }

    public void moveTo(CompetitionStatus target, String actor, Instant now) {
        if (!status.mayMoveTo(target)) {
            throw ProblemException.conflict("invalid-status-transition",
                            "a competition moves only one step forward: " + status + " → " + status.next() + ", not " + target)
                    .with("currentStatus", status.name());
        }
        status = target;
        updatedBy = actor;
        updatedAt = now;
    }
}
