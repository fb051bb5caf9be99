package org.unionhub.venue.site;

/** Public service alone, or combined with socialized or market operation. */
public enum OperatingModel {
    PUBLIC, SOCIALIZED, MARKET
}
