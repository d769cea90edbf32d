package io.electa.cli.demo;

/**
 * How big the demo election is. {@code national} is the reference geography and all its observers
 * with a tenth of the roll; {@code full} the whole roll; {@code tiny} a quick rehearsal (the
 * suite's tests play it).
 *
 * @param districts districts (constituencies)
 * @param stations polling stations, dealt to the districts in blocks
 * @param voters voters on the roll
 * @param observers accredited international observers at the end (after one revocation)
 * @param largestDelegation observers of the one country that sends the most
 */
public record Scale(int districts, int stations, long voters, int observers, int largestDelegation) {
    /** The scales by name. */
    public enum Preset {
        tiny(new Scale(5, 40, 16_000, 40, 8)),
        national(new Scale(125, 6_537, 650_000, 790, 148)),
        full(new Scale(125, 6_537, 6_500_000, 790, 148));

        public final Scale scale;

        Preset(Scale scale) {
            this.scale = scale;
        }
    }

    public Scale {
        if (districts < 1 || stations < districts) {
            throw new IllegalArgumentException("need at least one district and one station per district");
        }
        if (voters < 15_000) {
            throw new IllegalArgumentException("the roll needs at least 15,000 voters for the national figures to "
                    + "round exactly to the scenario's");
        }
        if (observers < 10 || largestDelegation < 1 || largestDelegation > observers / 2) {
            throw new IllegalArgumentException("need at least 10 observers, the largest delegation at most half");
        }
    }

    public Scale withVoters(long count) {
        return new Scale(districts, stations, count, observers, largestDelegation);
    }
}
