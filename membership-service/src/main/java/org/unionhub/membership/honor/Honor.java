package org.unionhub.membership.honor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An honor of a member (荣誉): recorded by staff, or from the competition service's prizes and medal nominations. */
@Entity
@Table(name = "honor")
public class Honor extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    public String kind;
    public String title;
    @Column(name = "awarded_on")
    public LocalDate awardedOn;
    @Column(name = "awarded_by")
    public String awardedBy;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "competition_id")
    public UUID competitionId;
    @Column(name = "competition_name")
    public String competitionName;
    public String category;
    public String prize;
    public Integer rank;
    public Integer total;
    @Column(name = "team_name")
    public String teamName;
    public String medal;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
