package org.unionhub.venue.geo;

/**
 * The datums Chinese clients speak: GPS gives WGS-84, the Amap/Tencent SDKs hand out GCJ-02 and Baidu's
 * SDK BD-09. The service stores WGS-84 only and converts at the edge.
 */
public enum CoordSystem {
    WGS84, GCJ02, BD09;

    public LatLon toWgs84(LatLon p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> ChinaCoordinates.gcj02ToWgs84(p);
            case BD09 -> ChinaCoordinates.gcj02ToWgs84(ChinaCoordinates.bd09ToGcj02(p));
        };
    }

    public LatLon fromWgs84(LatLon p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> ChinaCoordinates.wgs84ToGcj02(p);
            case BD09 -> ChinaCoordinates.gcj02ToBd09(ChinaCoordinates.wgs84ToGcj02(p));
        };
    }
}
