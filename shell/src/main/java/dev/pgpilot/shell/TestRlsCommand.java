package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.rlstest.RlsTestFile;
import dev.pgpilot.core.rlstest.RlsTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test-rls", description = "Run RLS tests (supabase/tests/rls/*.yaml) in rolled-back transactions; exit 1 on any failure")
final class TestRlsCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "test files (default: supabase/tests/rls/*.yaml)")
    List<Path> files;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        List<Path> paths = files == null || files.isEmpty() ? defaults(pilot) : files.stream().map(f -> pilot.workspace().workdir().resolve(f)).toList();
        List<RlsTestFile> tests = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) {
                throw PilotException.error("no such test file: " + p, "RLS tests live in supabase/tests/rls/*.yaml");
            }
            tests.add(RlsTestFile.load(p));
        }
        List<RlsTestRunner.FileResult> results = RlsTestRunner.run(pilot.target().target(), tests);
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        int total = 0;
        List<Map<String, Object>> json = new ArrayList<>();
        for (RlsTestRunner.FileResult r : results) {
            String file = pilot.workspace().workdir().relativize(r.file().path().toAbsolutePath()).toString();
            if (!global.json) out.println(file + ": " + r.file().name());
            if (r.setupError() != null) {
                if (!global.json) out.println("  FAIL setup: " + r.setupError());
                failed++;
                total++;
            }
            for (RlsTestRunner.StepResult s : r.steps()) {
                total++;
                if (!s.passed()) failed++;
                if (!global.json) out.println(s.passed() ? "  ok   " + s.name() : "  FAIL " + s.name() + ": " + s.reason());
            }
            json.add(Render.fields("file", file, "name", r.file().name(), "setup_error", r.setupError(), "steps",
                    r.steps().stream().map(s -> Render.fields("name", s.name(), "passed", s.passed(), "reason", s.reason())).toList()));
        }
        out.println(global.json ? Render.json(Render.fields("files", json, "passed", total - failed, "failed", failed))
                : (total - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static List<Path> defaults(Pilot pilot) {
        Path dir = pilot.workspace().workdir().resolve("supabase/tests/rls");
        if (!Files.isDirectory(dir)) {
            throw PilotException.error("no RLS tests: " + dir + " does not exist", "write supabase/tests/rls/NAME.yaml (format: README, \"RLS test files\"), or let `pgpilot new --rls-test` write one");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            if (found.isEmpty()) {
                throw PilotException.error("no RLS tests in " + dir, "write supabase/tests/rls/NAME.yaml");
            }
            return found;
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
    }
}
