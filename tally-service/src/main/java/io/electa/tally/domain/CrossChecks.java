package io.electa.tally.domain;

import io.electa.tally.v1.CrossCheckFinding;
import io.electa.tally.v1.ProtocolFigures;
import java.util.ArrayList;
import java.util.List;

/** The registry cross-checks XC1 and XC2: a mismatch quarantines the protocol, it does not refuse it. */
public final class CrossChecks {
    private CrossChecks() {
    }

    /** The findings of {@code f} against what the registry says about its station; empty when all hold. */
    public static List<CrossCheckFinding> check(ProtocolFigures f, StationFacts station) {
        List<CrossCheckFinding> findings = new ArrayList<>();
        if (f.getVotersRegistered() != station.registered()) {
            findings.add(finding("XC1", f.getVotersRegistered(), station.registered(),
                    "the protocol lists " + f.getVotersRegistered() + " registered voters, the frozen roll of station "
                            + station.stationCode() + " has " + station.registered()));
        }
        long onDay = f.getBallotsIssuedOnDay() + f.getBallotsIssuedMobile();
        if (onDay != station.marked()) {
            findings.add(finding("XC2", onDay, station.marked(),
                    "the protocol issued " + onDay + " ballots on election day (at the station and mobile), the registry"
                            + " marked " + station.marked() + " voters at station " + station.stationCode()));
        }
        return findings;
    }

    private static CrossCheckFinding finding(String relation, long protocol, long registry, String message) {
        return CrossCheckFinding.newBuilder()
                .setRelationId(relation)
                .setProtocolValue(protocol)
                .setRegistryValue(registry)
                .setMessage(relation + ": " + message)
                .build();
    }
}
