package org.unionhub.membership.card;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A member benefit card (会员普惠卡). */
@Entity
public class Card extends PanacheEntityBase {

    public enum Status { VALID, BLOCKED }

    @Id
    public String number;
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant issuedAt;
    public String issuedBy;
    public Instant blockedAt;
    public String blockedBy;
}
