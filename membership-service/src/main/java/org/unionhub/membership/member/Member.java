package org.unionhub.membership.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's membership; the resident ID number and phone live only hashed, encrypted and masked. */
@Entity
public class Member extends PanacheEntityBase {

    public enum Status {
        PENDING, ACTIVE, SUSPENDED, REJECTED, LEFT;

        /** A membership in one of these blocks a second join of the same person. */
        public boolean holdsMembership() {
            return this == PENDING || this == ACTIVE || this == SUSPENDED;
        }
    }

    @Id
    public UUID id;
    public String name;
    public String idHash;
    public String idCipher;
    public String idMasked;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public ResidentIdNumber.Gender gender;
    public String phoneCipher;
    public String phoneMasked;
    @Enumerated(EnumType.STRING)
    public EmploymentForm employmentForm;
    public String employer;
    public UUID organizationId;
    public String organizationPath;
    @Enumerated(EnumType.STRING)
    public JoinChannel joinChannel;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant joinedAt;
    public Instant statusChangedAt;
    public String createdBy;
    /** The account ({@code sub}) whose online application this is; null when staff enrolled the person. */
    public String accountSubject;
    /** The name's two-character grams, computed by the database for the name search index (never written, never loaded). */
    @Basic(fetch = FetchType.LAZY)
    @Column(insertable = false, updatable = false)
    public String[] nameGrams;
    @Version
    public long version;
}
