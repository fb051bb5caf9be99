package org.unionhub.platform.projection;

import org.unionhub.platform.identity.OrganizationPath;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** An organization of the union tree as membership's events describe it. */
@Entity
public class OrganizationView extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String type;
    public UUID parentId;
    /** {@code /root/.../self/} */
    public String path;
    public Instant updatedAt;

    public boolean isWithin(UUID ancestorOrSelf) {
        return OrganizationPath.isWithin(path, ancestorOrSelf);
    }
}
