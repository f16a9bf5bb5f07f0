package dev.pgpilot.shell;

import dev.pgpilot.core.api.fleet.FleetTarget;
import dev.pgpilot.core.api.fleet.RolloutListener;
import dev.pgpilot.core.api.fleet.TargetOutcome;
import dev.pgpilot.core.api.model.MigrationFile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rollout as it goes: one line per finished target everywhere; on a terminal also a table of the
 * running targets (target, version, elapsed) redrawn in place below those lines.
 */
final class FleetProgress implements RolloutListener {
    private static final int SHOWN = 12;

    private record Running(String version, long startNanos) {}

    private final PrintWriter out;
    private final boolean live;
    private final int total;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private int done;
    private int drawn;

    /** @param out null prints nothing (JSON output) */
    FleetProgress(PrintWriter out, boolean live, int total) {
        this.out = out;
        this.live = live && out != null;
        this.total = total;
    }

    @Override
    public synchronized void started(FleetTarget target) {
        running.put(target.name(), new Running("-", System.nanoTime()));
        redraw();
    }

    @Override
    public synchronized void migrating(FleetTarget target, MigrationFile file) {
        Running r = running.get(target.name());
        running.put(target.name(), new Running(file.version(), r == null ? System.nanoTime() : r.startNanos()));
        redraw();
    }

    @Override
    public synchronized void finished(TargetOutcome o) {
        running.remove(o.target().name());
        done++;
        if (out == null) return;
        erase();
        String what = switch (o.state()) {
            case APPLIED -> o.applied().isEmpty() ? "would apply " + o.planned().size() : "applied " + o.applied().size();
            case UP_TO_DATE -> "up to date";
            case FAILED -> "FAILED at " + o.failedVersion() + " after " + o.applied().size() + " applied: " + o.message();
            case REFUSED -> "REFUSED: " + o.message();
            case ERROR -> "ERROR: " + o.message();
            case SKIPPED -> "skipped";
        };
        out.printf("[%d/%d] %s: %s (%.1f s)%n", done, total, o.target().name(), what, o.millis() / 1000.0);
        redraw();
    }

    synchronized void end() {
        erase();
        if (out != null) out.flush();
    }

    private void redraw() {
        if (!live) return;
        erase();
        if (running.isEmpty()) {
            out.flush();
            return;
        }
        out.printf("  %-24s %-16s %s%n", "RUNNING", "VERSION", "ELAPSED");
        drawn = 1;
        int shown = 0;
        for (Map.Entry<String, Running> e : running.entrySet()) {
            if (shown++ == SHOWN) {
                out.printf("  ... and %d more%n", running.size() - SHOWN);
                drawn++;
                break;
            }
            out.printf("  %-24s %-16s %.1f s%n", e.getKey(), e.getValue().version(), (System.nanoTime() - e.getValue().startNanos()) / 1e9);
            drawn++;
        }
        out.flush();
    }

    /** Moves back over the running table and clears it, so finished lines scroll above it. */
    private void erase() {
        if (!live || drawn == 0) return;
        out.print("\033[" + drawn + "A\033[J");
        drawn = 0;
    }
}
