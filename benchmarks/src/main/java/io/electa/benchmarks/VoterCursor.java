package io.electa.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/** The next voter to mark, shared by every client of every run, so that no voter is used twice. */
final class VoterCursor {
    private final AtomicLong next = new AtomicLong();
    private final long voters;

    VoterCursor(long voters) {
        this.voters = voters;
    }

    /** The next unused voter index, or -1 when every voter has been used. */
    long next() {
        long index = next.getAndIncrement();
        return index < voters ? index : -1;
    }
}
