package io.electa.benchmarks;

import java.util.Locale;

/** Progress lines on standard error, stamped with the seconds since the benchmark started. */
final class Log {
    private static final long START = System.nanoTime();

    private Log() {
    }

    static void info(String message) {
        double seconds = (System.nanoTime() - START) / 1e9;
        System.err.printf(Locale.ROOT, "[%8.1f s] %s%n", seconds, message);
    }
}
