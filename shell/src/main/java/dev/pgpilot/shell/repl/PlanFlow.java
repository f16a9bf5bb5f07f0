package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.engine.ApplyResult;
import dev.pgpilot.core.engine.UpOptions;
import dev.pgpilot.core.lint.run.ReportWriter;
import dev.pgpilot.core.render.Migration;
import dev.pgpilot.core.request.AmbiguousRequest;
import dev.pgpilot.core.workspace.MigrationFile;
import dev.pgpilot.core.workspace.MigrationName;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A plain-English request in the shell: plan it, show the SQL (highlighted on a terminal), the lint
 * findings and the down script, then ask before writing ({@code y}, {@code e} to edit, anything
 * else refuses). {@code apply} shows exactly what the last written plan will run and where, then
 * hands over to {@code up --to VERSION}, which asks again (typing the name on a protected
 * environment). Every decision about migrations is the core's; this class only shows and asks.
 */
final class PlanFlow {
    private final Supplier<Pilot> pilots;
    private final PrintWriter out;
    private final boolean color;
    private final Function<String, String> ask;
    private final Editor editor;
    private String written; // version of the file this session wrote last, for `apply`

    PlanFlow(Supplier<Pilot> pilots, PrintWriter out, boolean color, Function<String, String> ask, Editor editor) {
        this.pilots = pilots;
        this.out = out;
        this.color = color;
        this.ask = ask;
        this.editor = editor;
    }

    /** Plans, shows and asks; returns true when the file was written. */
    boolean request(String text) {
        try {
            Pilot pilot = pilots.get();
            Pilot.Plan plan = pilot.plan(text);
            while (true) {
                show(pilot, plan);
                String names = String.join(" and ", plan.files().stream().map(Pilot.PlannedFile::fileName).toList());
                String a = ask.apply("Write " + names + "? [y/N/e] ").trim().toLowerCase(Locale.ROOT);
                if (a.equals("y") || a.equals("yes")) {
                    pilot.write(plan);
                    for (Pilot.PlannedFile f : plan.files()) {
                        out.println("wrote " + pilot.workspace().migrationsDir().resolve(f.fileName()));
                        out.println("wrote " + pilot.downScriptOf(f));
                    }
                    written = MigrationName.parse(plan.files().get(plan.files().size() - 1).fileName()).version();
                    out.println("type apply to run " + (plan.files().size() == 1 ? "it" : "them") + " (up --to " + written + ")");
                    return true;
                }
                if (!a.equals("e") && !a.equals("edit")) {
                    out.println("nothing written");
                    return false;
                }
                List<Pilot.PlannedFile> files = new java.util.ArrayList<>();
                for (Pilot.PlannedFile f : plan.files()) {
                    Migration m = f.migration();
                    files.add(new Pilot.PlannedFile(new Migration(m.name(), editor.edit(f.fileName(), m.upSql()), m.downSql(), m.requestText()), f.fileName()));
                }
                plan = new Pilot.Plan(files, plan.changes());
            }
        } catch (AmbiguousRequest e) {
            return choose(text, e.readings());
        } catch (PilotException e) {
            printError(e);
        } catch (IOException | RuntimeException e) {
            // an editor that failed, or a bug: say so and keep the shell running
            out.println("error: " + e.getMessage());
            out.println("nothing written");
        } finally {
            out.flush();
        }
        return false;
    }

    /** The core found several readings: offer them by number and plan the one chosen; anything else writes nothing. */
    private boolean choose(String text, List<AmbiguousRequest.Reading> readings) {
        out.println("\"" + text + "\" can mean:");
        for (int i = 0; i < readings.size(); i++) out.println("  " + (i + 1) + ") " + readings.get(i).meaning());
        String a = ask.apply("Which one? [1-" + readings.size() + ", anything else cancels] ").trim();
        int chosen = a.matches("\\d{1,3}") ? Integer.parseInt(a) : 0;
        if (chosen < 1 || chosen > readings.size()) {
            out.println("nothing written");
            out.flush();
            return false;
        }
        String request = readings.get(chosen - 1).request();
        out.println("planning: " + request);
        return request(request);
    }

    private void show(Pilot pilot, Pilot.Plan plan) {
        for (Pilot.PlannedFile f : plan.files()) {
            out.println("-- " + f.fileName());
            out.print(SqlHighlighter.render(ensureNewline(f.migration().upSql()), color));
            out.println();
        }
        out.println("-- lint");
        out.print(ReportWriter.text(pilot.lintPlan(plan), color));
        for (Pilot.PlannedFile f : plan.files()) {
            out.println();
            out.println("-- " + f.downFileName());
            out.print(SqlHighlighter.render(ensureNewline(f.migration().downSql()), color));
        }
        out.flush();
    }

    /**
     * The up command line that runs the last written plan, after showing its SQL and the target;
     * empty when there is nothing to apply (the reason is printed).
     */
    List<String> apply() {
        if (written == null) {
            out.println("error: nothing planned in this session");
            out.println("hint: type a request in plain English first (or run up to apply every pending migration)");
            return List.of();
        }
        try {
            Pilot pilot = pilots.get();
            ApplyResult dry = pilot.upPreview(new UpOptions(written, true, false, false)); // lint refusal before any question
            if (dry.planned().isEmpty()) {
                out.println("nothing to apply: " + written + " is already applied on " + dry.target());
                return List.of();
            }
            String where = dry.target() + (pilot.target().isProtected() ? " (protected environment " + pilot.target().environment().name() + ")" : "");
            out.println("will run on " + where + ":");
            for (ApplyResult.Planned p : dry.planned()) {
                MigrationFile f = pilot.workspace().migrations().stream().filter(m -> m.version().equals(p.version())).findFirst().orElseThrow();
                out.println("-- " + p.file() + (p.outsideTransaction() ? "  (outside a transaction)" : ""));
                out.print(SqlHighlighter.render(ensureNewline(f.sql()), color));
            }
            out.flush();
            return new ArrayList<>(List.of("up", "--to", written));
        } catch (PilotException e) {
            printError(e);
            return List.of();
        } catch (RuntimeException e) {
            out.println("error: " + e.getMessage());
            return List.of();
        }
    }

    private void printError(PilotException e) {
        out.println((e.exitCode() == PilotException.NOTHING_TO_DO ? "" : "error: ") + e.getMessage());
        if (e.hint() != null) out.println("hint: " + e.hint());
        out.flush();
    }

    private static String ensureNewline(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }
}
