package org.unionhub.membership.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's membership; the resident ID number and phone live only hashed, encrypted and masked. */
@Entity
@Table(name = "member")
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
    @Column(name = "id_hash")
    public String idHash;
    @Column(name = "id_cipher")
    public String idCipher;
    @Column(name = "id_masked")
    public String idMasked;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public ResidentIdNumber.Gender gender;
    @Column(name = "phone_cipher")
    public String phoneCipher;
    @Column(name = "phone_masked")
    public String phoneMasked;
    @Enumerated(EnumType.STRING)
    @Column(name = "employment_form")
    public EmploymentForm employmentForm;
    public String employer;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Enumerated(EnumType.STRING)
    @Column(name = "join_channel")
    public JoinChannel joinChannel;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    @Column(name = "created_by")
    public String createdBy;
    /** The account ({@code sub}) whose online application this is; null when staff enrolled the person. */
    @Column(name = "account_subject")
    public String accountSubject;
    /** The name's two-character grams, computed by the database for the name search index (never written, never loaded). */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "name_grams", insertable = false, updatable = false)
    public String[] nameGrams;
    @Version
    public long version;
}
