package dev.pgpilot.core.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development eval's regression guard in the normal suite: the fixed subset of eval/guard.txt
 * (the whole eval takes minutes) must pass at least its floor. The failure names the cases that
 * passed when the floor was set and fail now. -Deval.updateGuard=true rewrites the file with
 * today's results (floor = today's pass count) instead of judging.
 */
class DevEvalGuardTest {
    @TempDir Path work;

    @Test
    void theEvalSubsetPassesAtLeastItsFloor() throws Exception {
        Path evalDir = EvalSuite.evalDir();
        List<EvalCase> all = EvalSuite.load(evalDir);
        boolean update = Boolean.getBoolean("eval.updateGuard");
        Guard guard = Files.exists(evalDir.resolve(Guard.FILE)) ? Guard.read(evalDir) : null;
        assertTrue(guard != null || update, "no eval/guard.txt: write it with -Deval.updateGuard=true");
        Set<String> ids = Set.copyOf(guard == null ? Guard.pick(all) : guard.passedBefore().keySet());
        List<EvalCase> subset = all.stream().filter(c -> ids.contains(c.id())).toList();
        assertTrue(subset.size() == ids.size(), "eval/guard.txt names cases that are not in the eval: "
                + ids.stream().filter(id -> subset.stream().noneMatch(c -> c.id().equals(id))).sorted().toList());
        List<Outcome> outcomes = EvalSuite.run(subset, work, 2);
        if (update) {
            Guard.write(evalDir, outcomes);
            return;
        }
        long passed = EvalReport.passed(outcomes);
        List<Outcome> newlyFailing = outcomes.stream().filter(o -> !o.passed() && guard.passedBefore().get(o.c().id())).toList();
        assertTrue(passed >= guard.floor(), "dev-eval guard: " + passed + "/" + outcomes.size() + " passed, floor " + guard.floor()
                + "; failing now, passing before:\n" + newlyFailing.stream()
                        .map(o -> "  " + o.c().schema() + "/" + o.c().id() + " [" + o.c().category() + "] " + o.c().request() + "\n      " + o.why())
                        .collect(Collectors.joining("\n")));
    }
}
