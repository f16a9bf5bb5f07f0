package dev.pgpilot.shell;

import dev.pgpilot.core.Pilot;
import dev.pgpilot.core.PilotException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            Path file = global.pilot().newEmpty(empty);
            out.println("wrote " + file);
            return 0;
        }
        if (words == null || words.isEmpty() || String.join(" ", words).isBlank()) {
            throw PilotException.refused("nothing to plan", "pgpilot new \"add notes column to events\", or --empty NAME");
        }
        Pilot pilot = global.pilot();
        String request = String.join(" ", words);
        Pilot.Plan plan = offline ? pilot.plan(request, pilot.offlineCatalog()) : pilot.plan(request);
        PlanPrinter.print(plan, out);
        if (dryRun) {
            out.println("-- dry run: nothing written");
            return 0;
        }
        Path file = pilot.write(plan);
        out.println("wrote " + file);
        out.println("wrote " + pilot.downScriptOf(plan));
        if (rlsTest) {
            Pilot.RlsTestWritten t = pilot.writeRlsTest(plan);
            t.skipped().forEach(why -> out.println("no RLS test: " + why));
            out.println(t.file() == null ? "no RLS test written" : "wrote " + t.file());
        }
        return 0;
    }
}
