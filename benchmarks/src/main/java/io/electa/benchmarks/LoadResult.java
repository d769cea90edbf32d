package io.electa.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * What a {@link ClosedLoopLoad} did: calls completed in the measured window and the window's
 * length, all successful calls (warm-up included), errors, whether the clients ran out of voters
 * before the end (which would make the figure meaningless), the measured calls' latencies in
 * nanoseconds, and the CPU the parties used in the window.
 */
record LoadResult(long measuredCalls, long windowNanos, long totalCalls, long errors, Throwable firstError,
        boolean exhausted, Histogram latencies, CpuMeter.CpuUse cpu) {

    double perSecond() {
        return measuredCalls / (windowNanos / 1e9);
    }

    /** Latency percentile {@code p} (0..100) in milliseconds. */
    double latencyMillis(double p) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(p) / 1e6;
    }
}
