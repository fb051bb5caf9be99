package org.unionhub.membership.card;

/** What a benefit partner sells. */
public enum PartnerCategory {
    FUEL, VEHICLE_REPAIR, RETAIL, DINING, TRAVEL, HEALTH, EDUCATION, OTHER
}
