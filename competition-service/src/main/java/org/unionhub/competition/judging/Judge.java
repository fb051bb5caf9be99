package org.unionhub.competition.judging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.unionhub.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * An appointment to one competition: a judge (an expert assigned to some items) or a chief judge (confirms marks,
 * disqualifies, publishes). The token's role alone grants nothing: the caller's {@code sub} must hold the appointment
 * for the competition at hand.
 */
@Entity
public class Judge extends PanacheEntityBase {

    public enum Role { JUDGE, CHIEF_JUDGE }

    @Id
    public UUID id;
    public UUID competitionId;
    public String name;
    public String enterprise;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The items a judge marks; none for a chief judge. */
    public String[] items;
    /** The token subject ({@code sub}) the judge signs in with: only it may enter this judge's scores. */
    public String account;
    public String createdBy;
    public Instant createdAt;

    public boolean assignedTo(String itemCode) {
        return Arrays.asList(items).contains(itemCode);
    }

    /** Whether the token subject {@code account} holds an appointment in {@code role} for the competition. */
    public static boolean appointed(UUID competitionId, String account, Role role) {
        return account != null && count("competitionId = ?1 and account = ?2 and role = ?3", competitionId, account, role) > 0;
    }

    /** A judge (not a chief judge) of the competition: only judges' ids take marks. */
    public static Judge require(UUID competitionId, UUID judgeId) {
        Judge j = findById(judgeId);
        if (j == null || !j.competitionId.equals(competitionId) || j.role != Role.JUDGE) {
            throw ProblemException.notFound("judge", judgeId);
        }
        return j;
    }
}
