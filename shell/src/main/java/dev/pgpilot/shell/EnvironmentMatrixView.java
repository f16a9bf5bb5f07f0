package dev.pgpilot.shell;

import dev.pgpilot.core.api.model.EnvironmentMatrix;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code status --env all}: the version x environment table, who is behind whom, and the verdict. */
final class EnvironmentMatrixView {
    private EnvironmentMatrixView() {}

    /** Prints the matrix; returns the exit code (always 0 without {@code --check}). */
    static int print(EnvironmentMatrix m, boolean json, boolean check, PrintWriter out) {
        int exit = check ? m.checkExitCode() : 0;
        if (json) {
            out.println(Render.json(m.toJsonMap()));
            return exit;
        }
        List<String> header = new ArrayList<>(List.of("VERSION", "NAME"));
        m.environments().forEach(c -> header.add(c.name()));
        List<List<String>> rows = new ArrayList<>();
        for (EnvironmentMatrix.Row r : m.rows()) {
            List<String> row = new ArrayList<>(List.of(r.version(), r.name()));
            for (EnvironmentMatrix.Column c : m.environments()) {
                EnvironmentMatrix.State s = r.states().get(c.name());
                row.add(s == null ? "?" : s.label());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            out.println("no migrations in the files or in any environment");
        } else {
            Render.table(header, rows).forEach(out::println);
        }
        for (EnvironmentMatrix.Column c : m.environments()) {
            if (!c.reachable()) {
                out.println(c.name() + ": unreachable (" + c.error() + ")");
            }
        }
        m.behind().forEach(b -> out.println(b.sentence()));
        if (m.agree()) {
            out.println(m.allReachable() ? "all environments agree" : "the reachable environments agree");
        } else {
            out.println("environments disagree");
        }
        if (m.anyModified()) {
            out.println("modified: an applied file was edited afterwards (restore it, or pgpilot repair VERSION --status applied --env NAME)");
        }
        return exit;
    }
}
