package dev.pgpilot.core.api.model;

import dev.pgpilot.core.PilotException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a migration file name, read exactly as the Supabase CLI reads them (its pattern is
 * {@code ^([0-9]+)_(.*)\.sql$}): the leading digits are the version, everything after the first
 * {@code _} up to {@code .sql} is the name. So {@code 20250101_002_users.sql} has version
 * {@code 20250101} and name {@code 002_users} (as {@code supabase db push} records it), and
 * {@code 001_x.sql} version {@code 001}. The house form is {@code YYYYMMDDHHMMSS_snake_case.sql};
 * the linter's migration-file-name rule flags the others. Down scripts are named
 * {@code <version>_<name>.down.sql} and live in the {@code down/} subfolder ({@code DownScripts}).
 *
 * @param version the leading digits of the file name (also the history key)
 * @param name    the descriptive part, without extension
 * @param down    true for a {@code .down.sql} file
 */
public record MigrationName(String version, String name, boolean down) implements Comparable<MigrationName> {

    private static final Pattern SUPABASE_CLI = Pattern.compile("^([0-9]+)_(.*)\\.sql$");
    private static final String DOWN = ".down";
    private static final Pattern SNAKE = Pattern.compile("^[a-z0-9]+(_[a-z0-9]+)*$");

    public static boolean looksLikeSql(String fileName) {
        return fileName.endsWith(".sql");
    }

    /** The name's parts, or empty when the Supabase CLI would not take the file as a migration. */
    public static Optional<MigrationName> read(String fileName) {
        Matcher m = SUPABASE_CLI.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2);
        boolean down = rest.endsWith(DOWN);
        return Optional.of(new MigrationName(m.group(1), down ? rest.substring(0, rest.length() - DOWN.length()) : rest, down));
    }

    /** Parses a file name or throws a {@link PilotException} that names the file and the expected form. */
    public static MigrationName parse(String fileName) {
        return read(fileName).orElseThrow(() -> PilotException.error(
                "bad migration file name: " + fileName,
                "expected YYYYMMDDHHMMSS_snake_case.sql (any <digits>_<name>.sql is read, as the Supabase CLI does); rename the file"));
    }

    /** True when the descriptive part follows the house style (lower snake case). */
    public boolean isSnakeCase() {
        return SNAKE.matcher(name).matches();
    }

    public String fileName() {
        return version + "_" + name + (down ? DOWN : "") + ".sql";
    }

    public String downFileName() {
        return version + "_" + name + DOWN + ".sql";
    }

    /**
     * The Supabase CLI's order: versions compared as text, character by character ({@code 002} <
     * {@code 1} < {@code 10} < {@code 2} < {@code 20250101} < {@code 20250101000000}; checked with
     * {@code supabase db push}). pgpilot applies, lists and checks out-of-order files in this order
     * too, so both tools agree on what is pending and what is late.
     */
    public static final Comparator<String> VERSION_ORDER = Comparator.naturalOrder();

    @Override
    public int compareTo(MigrationName o) {
        return VERSION_ORDER.compare(version, o.version);
    }
}
