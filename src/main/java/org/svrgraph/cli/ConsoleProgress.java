package org.svrgraph.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.svrgraph.Progress;

/**
 * Shows progress as a bar on standard error, redrawn in place on a terminal and printed once per
 * stage otherwise, so that redirected output and CI logs stay readable.
 */
public final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;

    private final PrintStream err = System.err;
    private final boolean terminal = System.console() != null;

    @Override
    public synchronized void update(String stage, long done, long total) {
        if (!terminal) {
            if (done == total) {
                err.printf(Locale.ROOT, "%s: %d/%d done%n", stage, done, total);
            }
            return;
        }
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        err.printf(Locale.ROOT, "\r%-12s [%s%s] %d/%d", stage, "#".repeat(filled), " ".repeat(WIDTH - filled), done,
                total);
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
