package org.unionhub.venue.geo;

import org.unionhub.platform.problem.ProblemException;

/** A point in degrees; which datum it is in is the caller's business (see {@link CoordSystem}). */
public record LatLon(double lat, double lon) {

    /** Parses {@code "lat,lon"} as the {@code near} query parameter carries it. */
    public static LatLon parse(String field, String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 2) {
            throw ProblemException.invalid(field, "must be \"lat,lon\" in degrees");
        }
        try {
            return checked(field, Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be \"lat,lon\" in degrees");
        }
    }

    public static LatLon checked(String field, Double lat, Double lon) {
        if (lat == null || lat.isNaN() || lat < -90 || lat > 90) {
            throw ProblemException.invalid(field + ".lat", "must be between -90 and 90");
        }
        if (lon == null || lon.isNaN() || lon < -180 || lon > 180) {
            throw ProblemException.invalid(field + ".lon", "must be between -180 and 180");
        }
        return new LatLon(lat, lon);
    }
}
