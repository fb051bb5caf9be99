package org.unionhub.membership.card;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Redemption extends PanacheEntityBase {
    @Id
    public UUID id;
    public String cardNumber;
    public UUID memberId;
    public UUID partnerId;
    public BigDecimal amount;
    public BigDecimal payable;
    public BigDecimal saved;
    public Instant redeemedAt;
    public String recordedBy;
}
