package io.electa.benchmarks;

/**
 * What a {@link ClosedLoopLoad} did: calls completed in the measured window and the window's
 * length, all successful calls (warm-up included), errors, and whether a client ran out of
 * voters before the end (which would make the figure meaningless).
 */
record LoadResult(long measuredCalls, long windowNanos, long totalCalls, long errors, Throwable firstError,
        boolean exhausted) {

    double perSecond() {
        return measuredCalls / (windowNanos / 1e9);
    }
}
