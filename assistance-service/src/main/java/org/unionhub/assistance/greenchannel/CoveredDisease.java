package org.unionhub.assistance.greenchannel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A critical disease the green channel covers: a national catalogue that admins keep. */
@Entity
@Table(name = "green_channel_disease")
public class CoveredDisease extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String category;
}
