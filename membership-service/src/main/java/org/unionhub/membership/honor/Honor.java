package org.unionhub.membership.honor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An honor of a member (荣誉): recorded by staff, or from the competition service's prizes and medal nominations. */
@Entity
public class Honor extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID memberId;
    public String kind;
    public String title;
    public LocalDate awardedOn;
    public String awardedBy;
    public String sourceType;
    public String sourceId;
    public UUID competitionId;
    public String competitionName;
    public String category;
    public String prize;
    public Integer rank;
    public Integer total;
    public String teamName;
    public String medal;
    public Instant recordedAt;
    public String recordedBy;
}
