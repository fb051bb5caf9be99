package org.unionhub.assistance.program;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A program's money for one year; approvals reserve from it with a conditional update. */
@Entity
@Table(name = "program_fund")
public class ProgramFund extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "program_code")
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
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
