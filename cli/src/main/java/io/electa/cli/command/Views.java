package io.electa.cli.command;

import com.google.protobuf.Timestamp;
import io.electa.cli.Output;
import io.electa.common.v1.Date;
import io.electa.common.v1.Ratio;
import io.electa.registry.v1.Election;
import java.time.Instant;

/** How the contract's messages read in a table. */
final class Views {
    private Views() {
    }

    static Output.Listing election(Election e) {
        return Output.Listing.of("field", "value")
                .row(e, "election", e.getElectionId())
                .row(e, "name", e.getName())
                .row(e, "day", date(e.getElectionDay()))
                .row(e, "status", status(e))
                .row(e, "created", time(e.getCreateTime()))
                .row(e, "roll frozen", time(e.getRollFreezeTime()))
                .row(e, "polls opened", time(e.getPollsOpenTime()))
                .row(e, "polls closed", time(e.getPollsCloseTime()))
                .build();
    }

    static String status(Election e) {
        return e.getStatus().name().replace("ELECTION_STATUS_", "");
    }

    static String date(Date d) {
        return String.format("%04d-%02d-%02d", d.getYear(), d.getMonth(), d.getDay());
    }

    static String time(Timestamp t) {
        return t.getSeconds() == 0 && t.getNanos() == 0 ? "" : Instant.ofEpochSecond(t.getSeconds(), t.getNanos())
                .toString();
    }

    /** "76.73 % (4987 of 6500)". */
    static String ratio(Ratio r) {
        return r.getPercent() + " % (" + r.getNumerator() + " of " + r.getDenominator() + ")";
    }

    /** An enum value's name without its type prefix, e.g. ACCEPTED. */
    static String name(Enum<?> value, String prefix) {
        return value.name().replace(prefix, "");
    }
}
