package org.unionhub.venue.site;

/** The fixed list a rider can filter on ("water and a charger"). */
public enum Amenity {
    MOTHER_BABY_ROOM, TEA_BAR, BOOK_BAR, LEGAL_AID, COUNSELING, SPORTS, CANTEEN, CHARGING, DRINKING_WATER,
    RESTROOM, REPAIR_SERVICE, HAIRCUT, COFFEE, BAKERY, FLOWERS, SMART_BOOK_ROOM, MICROWAVE, REST_AREA, WIFI, FIRST_AID
}
