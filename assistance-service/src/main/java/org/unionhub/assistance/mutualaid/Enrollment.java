package org.unionhub.assistance.mutualaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member's enrollment in one year's mutual aid plan: at most one per member and year (a unique key in the table). */
@Entity
@Table(name = "mutual_aid_enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID memberId;
    public String organizationPath;
    public int year;
    public LocalDate coveredFrom;
    public int daysCovered;
    public BigDecimal premium;
    public Instant enrolledAt;
    public String enrolledBy;

    static boolean exists(UUID memberId, int year) {
        return count("memberId = ?1 AND year = ?2", memberId, year) > 0;
    }
}
