package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.Draft;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.PlannedFile;
import dev.pgpilot.core.api.UpPlan;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.LintReports;
import dev.pgpilot.core.api.model.Ambiguous;
import dev.pgpilot.core.api.model.MigrationFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A plain-English request in the shell: plan it, show the SQL (highlighted on a terminal), the lint
 * findings and the down script, then ask before writing ({@code y}, {@code e} to edit, anything
 * else refuses). {@code apply} shows exactly what the last written plan will run and where, then
 * hands the core's prepared {@code up} to the same question and progress as the {@code up} command
 * (typing the name on a protected environment). Every decision about migrations is the core's; this class only shows and asks.
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
            Draft draft = pilot.draft(text, false);
            while (true) {
                show(draft);
                Plan plan = draft.plan();
                String names = String.join(" and ", plan.files().stream().map(PlannedFile::fileName).toList());
                String a = ask.apply("Write " + names + "? [y/N/e] ").trim().toLowerCase(Locale.ROOT);
                if (a.equals("y") || a.equals("yes")) {
                    Draft.Written w = pilot.write(draft, false);
                    for (Draft.WrittenFile f : w.files()) {
                        out.println("wrote " + f.file());
                        out.println("wrote " + f.downFile());
                    }
                    written = w.lastVersion();
                    out.println("type apply to run " + (w.files().size() == 1 ? "it" : "them") + " (up --to " + written + ")");
                    return true;
                }
                if (!a.equals("e") && !a.equals("edit")) {
                    out.println("nothing written");
                    return false;
                }
                List<String> edited = new java.util.ArrayList<>();
                for (PlannedFile f : plan.files()) edited.add(editor.edit(f.fileName(), f.migration().upSql()));
                draft = pilot.edit(draft, edited);
            }
        } catch (Ambiguous e) {
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
    private boolean choose(String text, List<Ambiguous.Reading> readings) {
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

    private void show(Draft draft) {
        Plan plan = draft.plan();
        for (PlannedFile f : plan.files()) {
            out.println("-- " + f.fileName());
            out.print(SqlHighlighter.render(ensureNewline(f.migration().upSql()), color));
            out.println();
        }
        out.println("-- lint");
        out.print(LintReports.text(draft.lint(), color));
        for (PlannedFile f : plan.files()) {
            out.println();
            out.println("-- " + f.downFileName());
            out.print(SqlHighlighter.render(ensureNewline(f.migration().downSql()), color));
        }
        out.flush();
    }

    /**
     * The prepared {@code up} of the last written plan, after showing its SQL and the target; null
     * when there is nothing to apply (the reason is printed).
     */
    UpPlan apply() {
        if (written == null) {
            out.println("error: nothing planned in this session");
            out.println("hint: type a request in plain English first (or run up to apply every pending migration)");
            return null;
        }
        try {
            Pilot pilot = pilots.get();
            UpPlan up = pilot.prepareUp(new UpOptions(written, true, false, false)); // lint refusal before any question
            if (up.isEmpty()) {
                out.println("nothing to apply: " + written + " is already applied on " + up.preview().target());
                return null;
            }
            String where = up.preview().target() + (up.protectedEnvironment() != null ? " (protected environment " + up.protectedEnvironment() + ")" : "");
            out.println("will run on " + where + ":");
            for (ApplyResult.Planned p : up.planned()) {
                MigrationFile f = pilot.migrations().stream().filter(m -> m.version().equals(p.version())).findFirst().orElseThrow();
                out.println("-- " + p.file() + (p.outsideTransaction() ? "  (outside a transaction)" : ""));
                out.print(SqlHighlighter.render(ensureNewline(f.sql()), color));
            }
            out.flush();
            return up;
        } catch (PilotException e) {
            printError(e);
            return null;
        } catch (RuntimeException e) {
            out.println("error: " + e.getMessage());
            return null;
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
