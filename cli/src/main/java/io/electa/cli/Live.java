package io.electa.cli;

import java.io.PrintWriter;

/**
 * A view that changes: on a terminal it is redrawn in place (the screen is cleared first); on
 * anything else each version is printed after the last, with a timestamp line.
 */
public final class Live {
    private final PrintWriter out;
    private final boolean terminal = System.console() != null;

    public Live(PrintWriter out) {
        this.out = out;
    }

    public void show(String view) {
        if (terminal) {
            out.print("\033[H\033[2J");
        } else {
            out.println("-- " + java.time.Instant.now());
        }
        out.println(view);
        out.flush();
    }
}
