package dev.pgpilot.core.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * eval/guard.txt: the fixed subset of cases the regression guard runs, whether each passed when
 * the floor was last set, and the floor (the pass count the guard may not drop below).
 *
 * <pre>
 * floor 23
 * pj002 pass
 * pj010 fail
 * </pre>
 */
record Guard(int floor, Map<String, Boolean> passedBefore) {
    static final String FILE = "guard.txt";

    static Guard read(Path evalDir) throws IOException {
        int floor = 0;
        Map<String, Boolean> cases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(evalDir.resolve(FILE))) {
            String[] w = line.trim().split("\\s+");
            if (line.isBlank() || w[0].startsWith("#")) continue;
            if (w[0].equals("floor")) floor = Integer.parseInt(w[1]);
            else cases.put(w[0], w.length > 1 && w[1].equals("pass"));
        }
        return new Guard(floor, cases);
    }

    /** Every fourteenth case of each schema, in file order: a spread over categories that stays put as files grow at the end. */
    static List<String> pick(List<EvalCase> all) {
        Map<String, List<EvalCase>> bySchema = all.stream().collect(Collectors.groupingBy(EvalCase::schema, LinkedHashMap::new, Collectors.toList()));
        List<String> ids = new ArrayList<>();
        bySchema.values().forEach(list -> {
            for (int i = 0; i < list.size(); i += 14) ids.add(list.get(i).id());
        });
        return ids;
    }

    static void write(Path evalDir, List<Outcome> outcomes) throws IOException {
        long passed = EvalReport.passed(outcomes);
        StringBuilder b = new StringBuilder()
                .append("# The regression guard (DevEvalGuardTest, in the normal suite): it runs these cases and fails when\n")
                .append("# fewer than `floor` pass, naming the cases marked pass that fail now. Raise it after improving the\n")
                .append("# planner: ./mvnw -o -q -pl core -am test -Dtest=DevEvalGuardTest -Deval.updateGuard=true\n")
                .append("floor ").append(passed).append('\n');
        outcomes.forEach(o -> b.append(o.c().id()).append(o.passed() ? " pass" : " fail").append('\n'));
        Files.writeString(evalDir.resolve(FILE), b.toString());
    }
}
