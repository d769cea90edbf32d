package io.electa.cli.demo;

import io.electa.cli.Output;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the demo tells as it plays: each phase with its number, what it did and how long it took
 * (progress bars go to the error stream), and at the end the phases' durations.
 */
final class Narration {
    private final PrintWriter out;
    private final int phases;
    private final List<List<String>> timings = new ArrayList<>();
    private final long start = System.nanoTime();

    Narration(PrintWriter out, int phases) {
        this.out = out;
        this.phases = phases;
    }

    /** Runs a phase: its title first, then the line its work returns, with the time it took. */
    String phase(String title, Supplier<String> work) {
        int number = timings.size() + 1;
        say(String.format(Locale.ROOT, "[%2d/%d] %s", number, phases, title));
        long began = System.nanoTime();
        String result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        timings.add(List.of(Integer.toString(number), title, seconds(took)));
        say("        " + result + " (" + seconds(took) + ")");
        return result;
    }

    void say(String line) {
        out.println(line);
        out.flush();
    }

    /** The phases and their durations, and the total. */
    String timings() {
        List<List<String>> rows = new ArrayList<>(timings);
        rows.add(List.of("", "total", seconds(Duration.ofNanos(System.nanoTime() - start))));
        return Output.table(List.of("#", "phase", "took"), rows);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
