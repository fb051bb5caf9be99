package org.unionhub.membership.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A forum (座谈会) of worker representatives held by an organization, with its minutes and the opinions heard. */
@Entity
public class Forum extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID organizationId;
    public LocalDate heldOn;
    public String topic;
    public String minutes;
    @ElementCollection
    @CollectionTable(name = "forum_representative", joinColumns = @JoinColumn(name = "forum_id"))
    @OrderColumn(name = "position")
    @Column(name = "member_id")
    public List<UUID> representatives = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "forum_opinion", joinColumns = @JoinColumn(name = "forum_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    public List<String> opinions = new ArrayList<>();
    public Instant recordedAt;
    public String recordedBy;
}
