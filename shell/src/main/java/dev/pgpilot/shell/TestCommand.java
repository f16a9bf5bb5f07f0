package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.pgtap.PgTapRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
        Path workdir = pilot.workspace().workdir();
        List<Path> paths = files == null || files.isEmpty() ? defaults(workdir) : files.stream().map(workdir::resolve).toList();
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) {
                throw PilotException.error("no such test file: " + p, "pgTAP tests live in supabase/tests/*.sql");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        int failed = 0;
        for (PgTapRunner.FileResult r : PgTapRunner.run(pilot.target().target(), paths)) {
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

    private static List<Path> defaults(Path workdir) {
        Path dir = workdir.resolve("supabase/tests");
        if (!Files.isDirectory(dir)) {
            throw PilotException.error("no pgTAP tests: " + dir + " does not exist", "write supabase/tests/NAME.sql (begin; select plan(N); ...; select * from finish(); rollback;)");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
            if (found.isEmpty()) {
                throw PilotException.error("no pgTAP tests in " + dir, "write supabase/tests/NAME.sql");
            }
            return found;
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
    }
}
