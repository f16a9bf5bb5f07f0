package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.RlsStepResult;
import dev.pgpilot.core.api.model.RlsTestResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
        List<RlsTestResult> results = pilot.testRls(files);
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        int total = 0;
        List<Map<String, Object>> json = new ArrayList<>();
        for (RlsTestResult r : results) {
            String file = pilot.workdir().relativize(r.path().toAbsolutePath()).toString();
            if (!global.json) out.println(file + ": " + r.name());
            if (r.setupError() != null) {
                if (!global.json) out.println("  FAIL setup: " + r.setupError());
                failed++;
                total++;
            }
            for (RlsStepResult s : r.steps()) {
                total++;
                if (!s.passed()) failed++;
                if (!global.json) out.println(s.passed() ? "  ok   " + s.name() : "  FAIL " + s.name() + ": " + s.reason());
            }
            json.add(Render.fields("file", file, "name", r.name(), "setup_error", r.setupError(), "steps",
                    r.steps().stream().map(s -> Render.fields("name", s.name(), "passed", s.passed(), "reason", s.reason())).toList()));
        }
        out.println(global.json ? Render.json(Render.fields("files", json, "passed", total - failed, "failed", failed))
                : (total - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
