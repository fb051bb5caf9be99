package org.unionhub.membership.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrganizationType type;
    public UUID parentId;
    public String regionCode;
    public String creditCode;
    public String path;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    @Version
    public long version;

    public List<UUID> ancestors() {
        return OrganizationTree.ancestors(path);
    }
}
