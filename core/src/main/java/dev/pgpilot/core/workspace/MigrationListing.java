package dev.pgpilot.core.workspace;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The top of a migrations folder as the Supabase CLI lists it (its {@code ListLocalMigrations}):
 * entries in name order, folders passed over, a first entry named {@code <timestamp>_init.sql} from
 * before 2021-12-09 skipped (old CLIs wrote the initial schema there), and a {@code .sql} file whose
 * name is not {@code <digits>_<name>.sql} skipped with a warning instead of stopping the run. Other
 * files (a README, .gitkeep) are passed over silently: the CLI warns about those too, but they are
 * plainly not migrations.
 *
 * @param migrations the files taken as migrations (down scripts left at the top included, so the
 *                   caller can refuse them), in name order
 * @param skipped    the {@code .sql} files not taken, each with why
 */
public record MigrationListing(Map<Path, MigrationName> migrations, List<Skipped> skipped) {

    /** A {@code .sql} file the migration commands do not run. */
    public record Skipped(Path file, String reason) {
        /** The warning a front end prints, with the path relative to {@code workdir}. */
        public String message(Path workdir) {
            return "skipping " + workdir.relativize(file) + ": " + reason;
        }
    }

    // The CLI matches this anywhere in the first entry's name (its regexp is not anchored).
    private static final Pattern OLD_INIT = Pattern.compile("([0-9]{14})_init\\.sql");
    private static final long INIT_NO_LONGER_SKIPPED = 20211209000000L;

    public static MigrationListing of(Path dir) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
        Map<Path, MigrationName> migrations = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Path p = entries.get(i);
            if (Files.isDirectory(p)) {
                continue;
            }
            String fileName = p.getFileName().toString();
            if (i == 0 && isOldInit(fileName)) {
                skipped.add(new Skipped(p, "an initial schema file of Supabase CLIs before 2021-12-09, which the CLI skips too"
                        + " (rename it, e.g. without \"init\", to apply it)"));
                continue;
            }
            Optional<MigrationName> name = MigrationName.read(fileName);
            if (name.isPresent()) {
                migrations.put(p, name.get());
            } else if (MigrationName.looksLikeSql(fileName)) {
                skipped.add(new Skipped(p, "not a migration: the name must be <digits>_<name>.sql, as for the Supabase CLI,"
                        + " which skips it too (rename it to YYYYMMDDHHMMSS_name.sql to apply it)"));
            }
        }
        return new MigrationListing(migrations, List.copyOf(skipped));
    }

    private static boolean isOldInit(String fileName) {
        Matcher m = OLD_INIT.matcher(fileName);
        return m.find() && Long.parseLong(m.group(1)) < INIT_NO_LONGER_SKIPPED;
    }
}
