package dev.pgpilot.core.pgtap;

import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where a project's pgTAP tests live ({@code supabase/tests/**}{@code /*.sql}, as {@code supabase test db} reads them) and which files a run takes. */
public final class PgTapFolder {
    private PgTapFolder() {}

    /** The named files (relative to the workdir), or every {@code .sql} under supabase/tests in path order; each checked before anything runs. */
    public static List<Path> files(Path workdir, List<Path> named) {
        List<Path> paths = named == null || named.isEmpty() ? discover(workdir) : named.stream().map(workdir::resolve).toList();
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) {
                throw PilotException.error("no such test file: " + p, "pgTAP tests live in supabase/tests/*.sql");
            }
        }
        return paths;
    }

    private static List<Path> discover(Path workdir) {
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
