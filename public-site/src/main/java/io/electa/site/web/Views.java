package io.electa.site.web;

import io.electa.observer.v1.StationCount;
import io.electa.registry.v1.District;
import io.electa.registry.v1.Station;
import io.electa.registry.v1.Turnout;
import io.electa.site.flags.Flag;
import io.electa.site.flags.FlagSettings;
import io.electa.site.snapshot.ElectionSnapshot;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.Results;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the pages show, derived from a snapshot: rows and labels, no figures computed here. */
public final class Views {
    private Views() {
    }

    /** One row of the district table. */
    public record DistrictRow(String code, String name, Results results, String winnerShare) {
    }

    /** One station in a district's list. */
    public record StationRow(String code, String name, String status, String turnout, int flags) {
    }

    /** One flag as published: station, the rule's message key, its thresholds, what was observed. */
    public record FlagView(String stationCode, String ruleKey, String p1, String p2, String observed) {
    }

    /**
     * The station page.
     *
     * @param observed the observers' reports and incidents from the station; empty when the
     *     observer service did not answer
     */
    public record StationView(Station station, String districtName, Optional<Turnout> turnout, String rollSize,
            String rollDigest, Optional<Protocol> current, List<Protocol> earlier, boolean excluded,
            List<FlagView> flags, Optional<StationCount> observed) {
    }

    static List<DistrictRow> districts(ElectionSnapshot s, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String winner = s.winnerCode().orElse("");
        return s.districts().stream()
                .filter(d -> q.isEmpty() || d.getDistrictCode().toLowerCase(Locale.ROOT).contains(q)
                        || d.getName().toLowerCase(Locale.ROOT).contains(q))
                .map(d -> {
                    Results r = s.districtResults().get(d.getDistrictCode());
                    String share = r.getCandidatesList().stream().filter(c -> c.getCandidateCode().equals(winner))
                            .findFirst().map(c -> c.getShare().getPercent()).orElse("—");
                    return new DistrictRow(d.getDistrictCode(), d.getName(), r, share);
                })
                .toList();
    }

    static List<StationRow> stations(ElectionSnapshot s, String districtCode) {
        return s.stationsOf(districtCode).stream()
                .map(st -> new StationRow(st.getStationCode(), st.getName(), status(s, st.getStationCode()),
                        Optional.ofNullable(s.stationTurnouts().get(st.getStationCode()))
                                .map(t -> t.getTurnout().getPercent()).orElse("—"),
                        s.flags().getOrDefault(st.getStationCode(), List.of()).size()))
                .toList();
    }

    static Optional<StationView> station(ElectionSnapshot s, String code, FlagSettings settings) {
        Station station = s.stations().get(code);
        if (station == null) {
            return Optional.empty();
        }
        List<Protocol> versions = s.versions().getOrDefault(code, List.of());
        List<Protocol> earlier = versions.isEmpty() ? List.of()
                : versions.subList(0, versions.size() - 1).stream()
                        .sorted(Comparator.comparingInt(Protocol::getVersion).reversed()).toList();
        var digest = Optional.ofNullable(s.stationDigests().get(code));
        String districtName = s.districts().stream().filter(d -> d.getDistrictCode().equals(station.getDistrictCode()))
                .map(District::getName).findFirst().orElse(station.getDistrictCode());
        return Optional.of(new StationView(station, districtName, Optional.ofNullable(s.stationTurnouts().get(code)),
                digest.map(d -> Format.count(d.getRollSize())).orElse(null),
                digest.map(d -> d.getSha256()).orElse(null),
                versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1)), earlier,
                s.exclusions().containsKey(code), flags(s.flags().getOrDefault(code, List.of()), settings),
                s.observation().station(code)));
    }

    static List<FlagView> flags(List<Flag> flags, FlagSettings settings) {
        return flags.stream().map(f -> flag(f, settings)).toList();
    }

    private static FlagView flag(Flag f, FlagSettings settings) {
        String p1;
        String p2;
        switch (f.rule()) {
            case TURNOUT_OUTLIER, WINNER_SHARE_OUTLIER -> {
                p1 = number(settings.outlierPoints());
                p2 = Integer.toString(settings.minDistrictStations());
            }
            case ONE_CANDIDATE_AT_HIGH_TURNOUT -> {
                p1 = number(settings.highTurnout());
                p2 = number(settings.oneCandidateShare());
            }
            default -> {
                p1 = number(settings.lastDigitsCritical());
                p2 = Integer.toString(settings.lastDigitsMinCounts());
            }
        }
        return new FlagView(f.stationCode(), "rule_" + f.rule().name(), p1, p2, f.observed());
    }

    /** A protocol status's message key, or "excluded". */
    static String status(ElectionSnapshot s, String stationCode) {
        if (s.exclusions().containsKey(stationCode)) {
            return "excluded";
        }
        List<Protocol> versions = s.versions().get(stationCode);
        if (versions == null) {
            return "no_protocol";
        }
        return protocolStatusKey(versions.get(versions.size() - 1));
    }

    /** The message key of a protocol version's status, e.g. protocol_ACCEPTED. */
    public static String protocolStatusKey(Protocol p) {
        return "protocol_" + p.getStatus().name().replace("PROTOCOL_STATUS_", "");
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
