package dev.pgpilot.shell;

import dev.pgpilot.core.api.Draft;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.RlsTestWritten;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.LintReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", description = "Plan a migration from plain English and write it (--empty NAME: blank template)")
final class NewCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--empty", paramLabel = "NAME", description = "write a blank migration from the house template")
    String empty;

    @Option(names = "--dry-run", description = "print the plan, write nothing")
    boolean dryRun;

    @Option(names = "--rls-test", description = "also write supabase/tests/rls/<migration>.yaml for owner policies (run it with test-rls)")
    boolean rlsTest;

    @Option(names = "--offline", description = "plan against the schema the migrations describe (replayed on the embedded server), not the target database")
    boolean offline;

    @Parameters(arity = "0..*", paramLabel = "REQUEST", description = "what to change, in plain English (one quoted argument or several words)")
    java.util.List<String> words;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (empty != null) {
            Pilot pilot = global.pilot();
            Path file = pilot.newEmpty(empty);
            Path down = pilot.downScriptOf(file);
            if (global.json) {
                out.println(Render.json(Render.fields("file", file.toString(), "down_file", down.toString(), "written", true)));
            } else {
                out.println("wrote " + file);
            }
            return 0;
        }
        if (words == null || words.isEmpty() || String.join(" ", words).isBlank()) {
            throw PilotException.refused("nothing to plan", "pgpilot new \"add notes column to events\", or --empty NAME");
        }
        Pilot pilot = global.pilot();
        String request = String.join(" ", words);
        Draft draft = pilot.draft(request, offline);
        Plan plan = draft.plan();
        LintReport lint = draft.lint();
        Draft.Written w = dryRun ? null : pilot.write(draft, rlsTest);
        RlsTestWritten rls = w == null ? null : w.rlsTest();
        Draft.WrittenFile first = w == null ? null : w.files().get(0);
        if (global.json) {
            out.println(Render.json(json(plan, lint, first == null ? null : first.file(), first == null ? null : first.downFile(), rls)));
            return 0;
        }
        PlanPrinter.print(plan, out);
        out.println();
        out.println("-- lint");
        out.print(LintReports.text(lint, dev.pgpilot.shell.repl.Tty.color(global.noColor)));
        if (w == null) {
            out.println("-- dry run: nothing written");
            return 0;
        }
        for (Draft.WrittenFile f : w.files()) {
            out.println("wrote " + f.file());
            out.println("wrote " + f.downFile());
        }
        if (rls != null) {
            rls.skipped().forEach(why -> out.println("no RLS test: " + why));
            out.println(rls.file() == null ? "no RLS test written" : "wrote " + rls.file());
        }
        return 0;
    }

    private static Map<String, Object> json(Plan plan, LintReport lint, Path file, Path down, RlsTestWritten rls) {
        return Render.fields(
                "file", file == null ? plan.fileName() : file.toString(),
                "down_file", down == null ? plan.downFileName() : down.toString(),
                "written", file != null,
                "up_sql", plan.migration().upSql(),
                "down_sql", plan.migration().downSql(),
                // a plan of two files: the second runs outside a transaction (indexes built concurrently)
                "then", plan.files().stream().skip(1).map(f -> Render.fields("file", f.fileName(), "down_file", f.downFileName(),
                        "up_sql", f.migration().upSql(), "down_sql", f.migration().downSql())).toList(),
                "lint", LintReports.json(lint),
                "rls_test", rls == null || rls.file() == null ? null : rls.file().toString(),
                "rls_test_skipped", rls == null ? java.util.List.of() : rls.skipped());
    }
}
