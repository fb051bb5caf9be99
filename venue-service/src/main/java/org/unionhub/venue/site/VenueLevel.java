package org.unionhub.venue.site;

/** Where a venue sits in a network such as Nanshan's "1+8+N" (district, street, community/park). */
public enum VenueLevel {
    CITY, COUNTY, DISTRICT, STREET, COMMUNITY, PARK
}
