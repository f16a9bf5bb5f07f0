package dev.pgpilot.core.workspace;

import dev.pgpilot.core.PilotException;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a migration file name. Two forms are read:
 * {@code YYYYMMDDHHMMSS_snake_case.sql} (the house form, the Supabase CLI's) and
 * {@code YYYYMMDD_NNN_name.sql}. Any other {@code <digits>_<name>.sql} is read the way the Supabase
 * CLI reads it (version = the digits), so real projects with {@code 20250821_x.sql} or
 * {@code 001_x.sql} apply; the linter's migration-file-name rule flags them. Down scripts are named
 * {@code <version>_<name>.down.sql} and live in the {@code down/} subfolder ({@link DownScripts}).
 *
 * @param version the version as written in the file name (also the history key)
 * @param name    the descriptive part, without extension
 * @param down    true for a {@code .down.sql} file
 */
public record MigrationName(String version, String name, boolean down) implements Comparable<MigrationName> {

    private static final Pattern TIMESTAMPED = Pattern.compile("^(\\d{14})_([A-Za-z0-9_\\-]+?)(\\.down)?\\.sql$");
    private static final Pattern DATED_SEQUENCE = Pattern.compile("^(\\d{8}_\\d{3})_([A-Za-z0-9_\\-]+?)(\\.down)?\\.sql$");
    private static final Pattern SUPABASE_CLI = Pattern.compile("^(\\d+)_(.+?)(\\.down)?\\.sql$");
    private static final Pattern SNAKE = Pattern.compile("^[a-z0-9]+(_[a-z0-9]+)*$");

    public static boolean looksLikeSql(String fileName) {
        return fileName.endsWith(".sql");
    }

    /** Parses a file name or throws a {@link PilotException} that names the file and the expected form. */
    public static MigrationName parse(String fileName) {
        for (Pattern p : new Pattern[] {TIMESTAMPED, DATED_SEQUENCE, SUPABASE_CLI}) {
            Matcher m = p.matcher(fileName);
            if (m.matches()) {
                return new MigrationName(m.group(1), m.group(2), m.group(3) != null);
            }
        }
        throw PilotException.error(
                "bad migration file name: " + fileName,
                "expected YYYYMMDDHHMMSS_snake_case.sql (any <digits>_<name>.sql is read, as the Supabase CLI does); rename the file");
    }

    /** True when the descriptive part follows the house style (lower snake case). */
    public boolean isSnakeCase() {
        return SNAKE.matcher(name).matches();
    }

    public String fileName() {
        return version + "_" + name + (down ? ".down" : "") + ".sql";
    }

    public String downFileName() {
        return version + "_" + name + ".down.sql";
    }

    /**
     * A 14-digit key that orders every form on one time line: {@code YYYYMMDD_NNN} sorts as
     * {@code YYYYMMDD000NNN} (the start of its day, in sequence order), an 8-digit date or 12-digit
     * date-time as the start of that day or minute, and a short sequence number ({@code 001}) by its
     * numeric value, before any timestamp. Longer versions keep their digits.
     */
    public String sortKey() {
        return sortKey(version);
    }

    public static String sortKey(String version) {
        int n = version.length();
        if (n == 12 && version.charAt(8) == '_') {
            return version.substring(0, 8) + "000" + version.substring(9);
        }
        if (n == 8 || n == 12) {
            return version + "0".repeat(14 - n);
        }
        if (n < 14) {
            return "0".repeat(14 - n) + version;
        }
        return version;
    }

    public static final Comparator<String> VERSION_ORDER =
            Comparator.comparing((String v) -> sortKey(v)).thenComparing(Comparator.naturalOrder());

    @Override
    public int compareTo(MigrationName o) {
        return VERSION_ORDER.compare(version, o.version);
    }
}
