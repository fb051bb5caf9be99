package org.unionhub.platform.projection;

import org.unionhub.platform.identity.OrganizationPath;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A member as this service knows him from membership's events. */
@Entity
@Table(name = "member_view")
public class MemberView extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    public String name;
    public String status;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Column(name = "employment_form")
    public String employmentForm;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** True when the member belongs to the organization or anywhere below it. */
    public boolean belongsUnder(UUID organization) {
        return OrganizationPath.isWithin(organizationPath, organization);
    }
}
