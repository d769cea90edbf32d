package io.electa.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time spent during a measured window by the three parties of a marking run: the registry
 * process, this benchmark's own process (the clients), and PostgreSQL (every server process, plus
 * the backends that ended during the window, which the postmaster has reaped into its children's
 * time). Read from /proc, so only where the server runs on this machine; CPU per call is a figure
 * that a busy machine disturbs far less than calls per second.
 */
final class CpuMeter {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final long registryPid;

    /** What each party used in a window, in nanoseconds of CPU; empty where it could not be read. */
    record CpuUse(OptionalLong registryNanos, OptionalLong clientNanos, OptionalLong postgresNanos) {
        static final CpuUse NONE = new CpuUse(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

        /** Microseconds of {@code party}'s CPU per call, or NaN. */
        static double microsPerCall(OptionalLong nanos, long calls) {
            return nanos.isPresent() && calls > 0 ? nanos.getAsLong() / 1e3 / calls : Double.NaN;
        }
    }

    /** The readings at the start of a window. */
    final class Window {
        private final OptionalLong registry = registryTicks();
        private final OptionalLong client = clientNanos();
        private final OptionalLong postgres = postgresTicks();

        /** What was used since the window opened. */
        CpuUse close() {
            return new CpuUse(ticksDelta(registry, registryTicks()), delta(client, clientNanos()),
                    ticksDelta(postgres, postgresTicks()));
        }
    }

    CpuMeter(long registryPid) {
        this.registryPid = registryPid;
    }

    Window open() {
        return new Window();
    }

    private OptionalLong registryTicks() {
        return registryPid <= 0 ? OptionalLong.empty() : stat(registryPid).map(s -> s[13] + s[14])
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static OptionalLong clientNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return OptionalLong.of(os.getProcessCpuTime());
        }
        return OptionalLong.empty();
    }

    /** utime + stime of every postgres process, plus the postmaster's reaped children's. */
    private static OptionalLong postgresTicks() {
        long[] total = {0};
        boolean[] found = {false};
        ProcessHandle.allProcesses().filter(CpuMeter::isPostgres).forEach(process -> stat(process.pid())
                .ifPresent(s -> {
                    found[0] = true;
                    total[0] += s[13] + s[14];
                    boolean postmaster = process.parent().map(parent -> !isPostgres(parent)).orElse(true);
                    if (postmaster) {
                        total[0] += s[15] + s[16];
                    }
                }));
        return found[0] ? OptionalLong.of(total[0]) : OptionalLong.empty();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    /**
     * The numeric fields 4 to 17 of /proc/PID/stat (up to cstime), indexed as in proc(5) minus
     * one: utime is [13]. Later fields can exceed a long (rsslim), so they are not read.
     */
    private static Optional<long[]> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long[] fields = new long[17];
            for (int i = 1; i + 2 < fields.length; i++) {
                fields[i + 2] = Long.parseLong(after[i].trim());
            }
            return Optional.of(fields);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong ticksDelta(OptionalLong before, OptionalLong after) {
        OptionalLong ticks = delta(before, after);
        return ticks.isPresent() ? OptionalLong.of(ticks.getAsLong() * 1_000_000_000L / TICKS_PER_SECOND) : ticks;
    }

    private static OptionalLong delta(OptionalLong before, OptionalLong after) {
        return before.isPresent() && after.isPresent() ? OptionalLong.of(after.getAsLong() - before.getAsLong())
                : OptionalLong.empty();
    }
}
