package org.unionhub.membership.card;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "redemption")
public class Redemption extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "card_number")
    public String cardNumber;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "partner_id")
    public UUID partnerId;
    public BigDecimal amount;
    public BigDecimal payable;
    public BigDecimal saved;
    @Column(name = "redeemed_at")
    public Instant redeemedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
