package org.unionhub.membership.card;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A member benefit card (会员普惠卡). */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    public enum Status { VALID, BLOCKED }

    @Id
    public String number;
    @Column(name = "member_id")
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "blocked_at")
    public Instant blockedAt;
    @Column(name = "blocked_by")
    public String blockedBy;
}
