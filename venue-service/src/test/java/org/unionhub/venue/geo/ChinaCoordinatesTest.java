package org.unionhub.venue.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reference values are those published with coordtransform (Tiananmen, 116.404 / 39.915). */
class ChinaCoordinatesTest {

    private static final LatLon TIANANMEN = new LatLon(39.915, 116.404);

    @Test
    void wgs84ToGcj02MatchesThePublishedValue() {
        LatLon gcj = ChinaCoordinates.wgs84ToGcj02(TIANANMEN);
        assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-9));
    }

    @Test
    void gcj02ToBd09AndBackMatchThePublishedValues() {
        LatLon bd = ChinaCoordinates.gcj02ToBd09(TIANANMEN);
        assertThat(bd.lon()).isCloseTo(116.41036949371029, within(1e-9));
        assertThat(bd.lat()).isCloseTo(39.92133699351021, within(1e-9));
        LatLon gcj = ChinaCoordinates.bd09ToGcj02(TIANANMEN);
        assertThat(gcj.lon()).isCloseTo(116.39762729119315, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(39.90865673957631, within(1e-9));
    }

    @Test
    void gcj02ToWgs84IsWithinTheOneStepApproximationAndInvertsTheForwardTransform() {
        LatLon wgs = ChinaCoordinates.gcj02ToWgs84(TIANANMEN);
        // the one-step approximation published with coordtransform is a metre or two off
        assertThat(wgs.lon()).isCloseTo(116.39775550083061, within(5e-5));
        assertThat(wgs.lat()).isCloseTo(39.91359571849836, within(5e-5));
        LatLon back = ChinaCoordinates.wgs84ToGcj02(wgs);
        assertThat(back.lat()).isCloseTo(TIANANMEN.lat(), within(1e-9));
        assertThat(back.lon()).isCloseTo(TIANANMEN.lon(), within(1e-9));
    }

    @Test
    void everySystemRoundTripsWithin1e5DegreesAcrossChina() {
        LatLon[] points = {new LatLon(22.5431, 113.9298) /* Nanshan, Shenzhen */, new LatLon(31.8612, 117.2830) /* Hefei */,
                new LatLon(24.8741, 118.6757) /* Quanzhou */, new LatLon(45.75, 126.65), new LatLon(30.66, 104.06)};
        for (LatLon p : points) {
            for (CoordSystem s : CoordSystem.values()) {
                LatLon there = s.fromWgs84(p);
                LatLon back = s.toWgs84(there);
                assertThat(back.lat()).as(s + " lat of " + p).isCloseTo(p.lat(), within(1e-5));
                assertThat(back.lon()).as(s + " lon of " + p).isCloseTo(p.lon(), within(1e-5));
            }
        }
        assertThat(CoordSystem.GCJ02.fromWgs84(points[0])).isNotEqualTo(points[0]);
    }

    @Test
    void outsideChinaGcj02IsWgs84() {
        LatLon paris = new LatLon(48.8566, 2.3522);
        assertThat(ChinaCoordinates.wgs84ToGcj02(paris)).isEqualTo(paris);
        assertThat(ChinaCoordinates.gcj02ToWgs84(paris)).isEqualTo(paris);
    }

    @Test
    void nearParsesAndRefusesGarbage() {
        assertThat(LatLon.parse("near", "22.54,113.93")).isEqualTo(new LatLon(22.54, 113.93));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatLon.parse("near", "abc"))
                .hasMessageContaining("near");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatLon.parse("near", "91,10"))
                .hasMessageContaining("near.lat");
    }
}
