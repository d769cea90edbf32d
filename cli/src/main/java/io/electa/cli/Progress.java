package io.electa.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and time left (me.tongfei:progressbar), on the error stream so that
 * output stays clean for scripts. On a terminal it redraws in place; otherwise it prints a plain
 * line every few seconds.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} {@code unit}s (0: unknown). */
    public static Progress of(String task, long total, String unit, PrintWriter err) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(terminal ? 200 : 5_000);
        if (!terminal) {
            builder.setConsumer(new DelegatingProgressBarConsumer(line -> {
                err.println(line.strip());
                err.flush();
            }, 100));
        }
        return new Progress(builder.build());
    }

    public void step(long done) {
        bar.stepBy(done);
    }

    /** A short text shown after the bar, e.g. the live turnout. */
    public void note(String text) {
        bar.setExtraMessage(" " + text);
    }

    public void set(long done) {
        bar.stepTo(done);
    }

    @Override
    public void close() {
        bar.close();
    }
}
