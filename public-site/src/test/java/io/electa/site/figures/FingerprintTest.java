package io.electa.site.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static StationFigures station(String code, long registered, long issued, long winner, long other) {
        return new StationFigures(code, "D1", registered, issued, winner + other, winner, new long[] {winner, other});
    }

    @Test
    void everyStationIsOnePointAtItsTurnoutAndWinnersShare() {
        Fingerprint fp = Fingerprint.of(List.of(station("S1", 200, 100, 100, 0), station("S2", 100, 100, 25, 75),
                station("S3", 1000, 501, 251, 250)));

        assertThat(fp.points()).extracting(Fingerprint.Point::stationCode).containsExactly("S1", "S2", "S3");
        assertThat(fp.points().get(0)).isEqualTo(new Fingerprint.Point("250.0", "0.0", "S1", "50.00", "100.00"));
        assertThat(fp.points().get(1)).isEqualTo(new Fingerprint.Point("500.0", "375.0", "S2", "100.00", "25.00"));
    }

    @Test
    void theHistogramCountsEveryStationOnceInItsCell() {
        Fingerprint fp = Fingerprint.of(List.of(station("S1", 100, 80, 90, 10), station("S2", 100, 81, 91, 9),
                station("S3", 100, 40, 20, 20)));

        assertThat(fp.cells()).extracting(Fingerprint.Cell::stations).containsExactlyInAnyOrder(2, 1);
        assertThat(fp.peak()).isEqualTo(2);
        assertThat(fp.cells().stream().filter(c -> c.stations() == 2).findFirst().orElseThrow().opacity())
                .isEqualTo("1.00");
    }
}
