package org.unionhub.assistance.greenchannel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A top (三甲) hospital the green channel refers members to: a national catalogue that admins keep. */
@Entity
@Table(name = "green_channel_hospital")
public class ListedHospital extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String province;
    public String city;
    public String grade;
}
