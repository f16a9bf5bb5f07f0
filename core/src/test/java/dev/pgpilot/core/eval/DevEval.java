package dev.pgpilot.core.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole development eval (eval/README.md): run with bench/dev-eval.sh, or
 * {@code ./mvnw -o -q -pl core -am test -Dtest=DevEval -Deval=true [-Deval.verbose=true]
 * [-Deval.only=ID,..] [-Deval.schema=S] [-Deval.cat=C] [-Deval.threads=N]}. It reports, it does not
 * fail on low scores (DevEvalGuardTest does that); the report also goes to core/target/dev-eval/.
 */
@EnabledIfSystemProperty(named = "eval", matches = "true")
class DevEval {
    @TempDir Path work;

    @Test
    void report() throws Exception {
        List<EvalCase> cases = EvalSuite.load(EvalSuite.evalDir()).stream().filter(EvalSuite.selection()).toList();
        long start = System.currentTimeMillis();
        List<Outcome> outcomes = EvalSuite.run(cases, work, Integer.getInteger("eval.threads", 2));
        String report = EvalReport.render(outcomes, Boolean.getBoolean("eval.verbose"), System.currentTimeMillis() - start);
        Path out = Files.createDirectories(Path.of("target/dev-eval"));
        Files.writeString(out.resolve("report.txt"), report);
        Files.write(out.resolve("passing.txt"), outcomes.stream().filter(Outcome::passed).map(o -> o.c().id()).toList());
        System.out.print(report);
    }
}
