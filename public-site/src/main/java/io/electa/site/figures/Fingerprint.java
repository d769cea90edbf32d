package io.electa.site.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The election's fingerprint (Klimek, Yegorov, Hanel, Thurner, PNAS 2012): the stations counted so
 * far as a 2-D histogram over turnout (x) and the winner's share (y), both 0..100 %, in cells of
 * {@link #CELL} percentage points, with every station also drawn as one point. Laid out here in
 * the coordinates of a square plot of {@link #SIZE} units, origin at the top left, so the template
 * only draws it.
 */
public final class Fingerprint {
    /** The plot's side in SVG units. */
    public static final int SIZE = 500;
    /** A histogram cell's side in percentage points. */
    public static final int CELL = 2;
    private static final double SCALE = SIZE / 100.0;

    private final List<Cell> cells;
    private final List<Point> points;
    private final int peak;

    /** One non-empty histogram cell: where it is drawn, how many stations fall in it, its shade 0..1. */
    public record Cell(String x, String y, int side, int stations, String opacity) {
    }

    /** One station: where it is drawn and its figures. */
    public record Point(String x, String y, String stationCode, String turnout, String winnerShare) {
    }

    private Fingerprint(List<Cell> cells, List<Point> points, int peak) {
        this.cells = cells;
        this.points = points;
        this.peak = peak;
    }

    /** The fingerprint of {@code stations}. */
    public static Fingerprint of(List<StationFigures> stations) {
        Map<Long, Integer> counts = new TreeMap<>();
        List<Point> points = new ArrayList<>(stations.size());
        for (StationFigures s : stations) {
            double turnout = clamp(s.turnout());
            double share = clamp(s.winnerShare());
            int column = Math.min((int) (turnout / CELL), 100 / CELL - 1);
            int row = Math.min((int) (share / CELL), 100 / CELL - 1);
            counts.merge(((long) column << 32) | row, 1, Integer::sum);
            points.add(new Point(coordinate(turnout * SCALE), coordinate((100 - share) * SCALE), s.stationCode(),
                    s.turnoutPercent(), s.winnerSharePercent()));
        }
        int peak = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Cell> cells = new ArrayList<>(counts.size());
        int side = (int) (CELL * SCALE);
        counts.forEach((key, n) -> {
            int column = (int) (key >> 32);
            int row = (int) (key & 0xffffffffL);
            cells.add(new Cell(coordinate(column * side), coordinate(SIZE - (row + 1) * side), side, n,
                    String.format(Locale.ROOT, "%.2f", 0.15 + 0.85 * Math.log1p(n) / Math.log1p(peak))));
        });
        return new Fingerprint(List.copyOf(cells), List.copyOf(points), peak);
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Point> points() {
        return points;
    }

    /** Stations in the fullest cell. */
    public int peak() {
        return peak;
    }

    /** The axis ticks: every 10 %, with their position. */
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 10) {
            ticks.add(new Tick(p, coordinate(p * SCALE), coordinate(SIZE - p * SCALE)));
        }
        return ticks;
    }

    /** A tick at {@code percent}: its x on the turnout axis and its y on the share axis. */
    public record Tick(int percent, String x, String y) {
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    private static String coordinate(double units) {
        return String.format(Locale.ROOT, "%.1f", units);
    }
}
