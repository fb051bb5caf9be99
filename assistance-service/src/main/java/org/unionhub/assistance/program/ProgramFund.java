package org.unionhub.assistance.program;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/** A program's money for one year; approvals reserve from it while they hold its row's lock (the Ledger). */
@Entity
public class ProgramFund extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public String programCode;
        public int year;

        public Key() {
        }

        public Key(String programCode, int year) {
            this.programCode = programCode;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.programCode, programCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(programCode, year);
        }
    }

    @EmbeddedId
    public Key id;
    public BigDecimal amount;
    public BigDecimal reserved;
    @Version
    public int version;
    public Instant createdAt;
    public String createdBy;

    public BigDecimal remaining() {
        return amount.subtract(reserved).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Reserves the amount when the fund still holds it; false (and nothing reserved) when it does not. */
    public boolean reserve(BigDecimal sum) {
        if (sum.compareTo(remaining()) > 0) {
            return false;
        }
        reserved = reserved.add(sum);
        return true;
    }

    /** Gives back what was reserved and not paid. */
    public void release(BigDecimal sum) {
        reserved = reserved.subtract(sum);
    }
}
