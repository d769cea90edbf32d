package io.electa.tally.domain;

import java.util.Map;

/** Every district's totals of one election as of one ledger sequence, read in one statement. */
public record TotalsSnapshot(long ledgerSequence, boolean certified, Map<String, DistrictTotals> districts) {
}
