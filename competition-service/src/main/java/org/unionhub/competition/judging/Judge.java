package org.unionhub.competition.judging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** An expert assigned to some items of one competition. */
@Entity
@Table(name = "judge")
public class Judge extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "competition_id")
    public UUID competitionId;
    public String name;
    public String enterprise;
    public String[] items;
    /** The token subject ({@code sub}) the judge signs in with: only it may enter this judge's scores. */
    public String account;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean assignedTo(String itemCode) {
        return Arrays.asList(items).contains(itemCode);
    }

    public static Judge require(UUID competitionId, UUID judgeId) {
        Judge j = findById(judgeId);
        if (j == null || !j.competitionId.equals(competitionId)) {
            throw ProblemException.notFound("judge", judgeId);
        }
        return j;
    }
}
