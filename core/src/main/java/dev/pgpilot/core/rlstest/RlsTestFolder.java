package dev.pgpilot.core.rlstest;

import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where a project's RLS tests live ({@code supabase/tests/rls/*.yaml}) and which files a run loads. */
public final class RlsTestFolder {
    public static final String DIR = "supabase/tests/rls";

    private RlsTestFolder() {}

    /**
     * The named files (relative to the workdir), or every {@code .yaml}/{@code .yml} of the folder in
     * name order when none is named; each loaded and checked before anything runs.
     */
    public static List<RlsTestFile> load(Path workdir, List<Path> named) {
        List<Path> paths = named == null || named.isEmpty() ? discover(workdir) : named.stream().map(workdir::resolve).toList();
        List<RlsTestFile> tests = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) {
                throw PilotException.error("no such test file: " + p, "RLS tests live in " + DIR + "/*.yaml");
            }
            tests.add(RlsTestFile.load(p));
        }
        return tests;
    }

    private static List<Path> discover(Path workdir) {
        Path dir = workdir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            throw PilotException.error("no RLS tests: " + dir + " does not exist", "write " + DIR + "/NAME.yaml (format: README, \"RLS test files\"), or let `pgpilot new --rls-test` write one");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            if (found.isEmpty()) {
                throw PilotException.error("no RLS tests in " + dir, "write " + DIR + "/NAME.yaml");
            }
            return found;
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
    }
}
