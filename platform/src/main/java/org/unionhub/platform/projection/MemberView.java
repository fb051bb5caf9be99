package org.unionhub.platform.projection;

import org.unionhub.platform.identity.OrganizationPath;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A member as this service knows him from membership's events. */
@Entity
public class MemberView extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    public String name;
    public String status;
    public UUID organizationId;
    public String organizationPath;
    public String employmentForm;
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** True when the member belongs to the organization or anywhere below it. */
    public boolean belongsUnder(UUID organization) {
        return OrganizationPath.isWithin(organizationPath, organization);
    }
}
