package org.unionhub.venue.geo;

/**
 * The published conversions between WGS-84, GCJ-02 ("Mars coordinates") and BD-09 (the formulas every
 * open implementation such as eviltransform and coordtransform uses). GCJ-02 has no closed-form inverse:
 * {@link #gcj02ToWgs84} iterates the forward transform until it stops moving, which is exact to well below
 * a centimetre, unlike the one-step approximation (1-2 m off) that many libraries ship.
 */
public final class ChinaCoordinates {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaCoordinates() {
    }

    /** Outside mainland China GCJ-02 equals WGS-84 (the offset is only applied inside this box). */
    public static boolean outOfChina(LatLon p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    public static LatLon wgs84ToGcj02(LatLon p) {
        if (outOfChina(p)) {
            return p;
        }
        double dLat = transformLat(p.lon() - 105.0, p.lat() - 35.0);
        double dLon = transformLon(p.lon() - 105.0, p.lat() - 35.0);
        double radLat = p.lat() / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LatLon(p.lat() + dLat, p.lon() + dLon);
    }

    public static LatLon gcj02ToWgs84(LatLon gcj) {
        if (outOfChina(gcj)) {
            return gcj;
        }
        // fixed-point iteration: the offset changes by ~1e-5 per degree, so each step gains ~5 digits
        double lat = gcj.lat();
        double lon = gcj.lon();
        for (int i = 0; i < 30; i++) {
            LatLon forward = wgs84ToGcj02(new LatLon(lat, lon));
            double dLat = forward.lat() - gcj.lat();
            double dLon = forward.lon() - gcj.lon();
            lat -= dLat;
            lon -= dLon;
            if (Math.abs(dLat) < 1e-12 && Math.abs(dLon) < 1e-12) {
                break;
            }
        }
        return new LatLon(lat, lon);
    }

    public static LatLon gcj02ToBd09(LatLon p) {
        double x = p.lon();
        double y = p.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new LatLon(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    public static LatLon bd09ToGcj02(LatLon p) {
        double x = p.lon() - 0.0065;
        double y = p.lat() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new LatLon(z * Math.sin(theta), z * Math.cos(theta));
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
