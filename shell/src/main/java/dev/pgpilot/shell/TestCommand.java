package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.PgTapResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test", description = "Run pgTAP tests (supabase/tests/**/*.sql, as supabase test db does) with pgTAP installed; exit 1 on any failure")
final class TestCommand implements Callable<Integer>, TextOnly {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "pgTAP files (default: every .sql under supabase/tests/)")
    List<Path> files;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        Path workdir = pilot.workdir();
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        int failed = 0;
        for (PgTapResult r : pilot.pgTap(files)) {
            out.println(workdir.relativize(r.file().toAbsolutePath()) + ": " + (r.ok() ? "ok" : "FAIL") + " (" + r.passed() + " passed)");
            for (String f : r.failures()) {
                out.println("  " + f);
            }
            passed += r.passed();
            failed += r.failures().size();
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
