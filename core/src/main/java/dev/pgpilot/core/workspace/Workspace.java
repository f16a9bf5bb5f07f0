package dev.pgpilot.core.workspace;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The project folder: its config and its migrations. */
public final class Workspace {
    private final Path workdir;
    private final Config config;

    private Workspace(Path workdir, Config config) {
        this.workdir = workdir;
        this.config = config;
    }

    public static Workspace open(Path workdir) {
        Path dir = workdir.toAbsolutePath().normalize();
        return new Workspace(dir, Config.load(dir));
    }

    public Path workdir() {
        return workdir;
    }

    public Config config() {
        return config;
    }

    /** The Supabase CLI's {@code supabase/config.toml}, read each time (the CLI may have changed it); its defaults when absent. */
    public SupabaseConfig supabaseConfig() {
        return SupabaseConfig.load(workdir);
    }

    public Path migrationsDir() {
        return workdir.resolve(config.migrations());
    }

    /**
     * A folder is a project once it has a {@code supabase/} folder, a {@code pgpilot.yaml} or the
     * configured migrations folder: a mistyped {@code --workdir} is none of these.
     */
    public boolean isProject() {
        return Files.isDirectory(workdir.resolve("supabase")) || Files.isRegularFile(workdir.resolve(Config.FILE_NAME))
                || Files.isDirectory(migrationsDir());
    }

    /**
     * Refuses (exit 2) before a command reads a folder that is not a project, so nothing is created
     * in it: no folder, no local database cluster, no server left running.
     */
    public void requireProject() {
        if (!isProject()) {
            String what = Files.isDirectory(workdir) ? workdir + " is not a pgpilot project (no supabase/ folder, no " + Config.FILE_NAME + ")"
                    : workdir + " does not exist";
            throw PilotException.error(what, "run `pgpilot init` in your project folder (the one that holds supabase/, or will),"
                    + " or pass --workdir DIR pointing at it");
        }
    }

    /** Where pgpilot keeps its own local state (the embedded database). */
    public Path stateDir() {
        return workdir.resolve(".pgpilot");
    }

    /** Where down scripts live: {@code <migrations>/down/} (see {@link DownScripts}). */
    public Path downDir() {
        return DownScripts.folder(migrationsDir());
    }

    /** The down script of the up migration named {@code up} (which need not exist yet). */
    public Path downScriptOf(MigrationName up) {
        return DownScripts.of(migrationsDir(), up);
    }

    /** The down script of the up migration file named {@code upFileName}. */
    public Path downScriptOf(String upFileName) {
        return downScriptOf(MigrationName.parse(upFileName));
    }

    /**
     * Moves down scripts left beside their migrations (older pgpilot versions wrote them there) into
     * {@link #downDir()}. Front ends call this when a command starts and print each move.
     */
    public List<DownScripts.Moved> moveLegacyDownScripts() {
        return DownScripts.moveLegacy(migrationsDir());
    }

    /**
     * All migrations in version order, each with its down script (from {@link #downDir()}) if present.
     * The files are the ones the Supabase CLI takes ({@link MigrationListing}); what it skips, pgpilot
     * skips ({@link #skippedFiles()} says why). Duplicate versions and unreadable files are errors
     * naming the file: nothing is applied from a folder that cannot be read whole.
     */
    public List<MigrationFile> migrations() {
        Path dir = migrationsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        MigrationListing listing = MigrationListing.of(dir);
        List<MigrationName> ups = new ArrayList<>();
        Map<MigrationName, Path> paths = new HashMap<>();
        for (Map.Entry<Path, MigrationName> e : listing.migrations().entrySet()) {
            Path p = e.getKey();
            MigrationName n = e.getValue();
            if (n.down()) {
                throw PilotException.error("down script beside its migration: " + p
                        + " (the Supabase CLI would run it as a migration)",
                        "move it to " + downDir() + "/ (any pgpilot command does this and says so)");
            }
            ups.add(n);
            paths.put(n, p);
        }
        Map<String, Path> downs = new HashMap<>();
        for (Path p : sqlFiles(downDir())) {
            MigrationName.read(p.getFileName().toString()).filter(MigrationName::down)
                    .ifPresent(n -> downs.put(n.version() + "_" + n.name(), p));
        }
        Map<String, MigrationName> byVersion = new HashMap<>();
        for (MigrationName n : ups) {
            MigrationName other = byVersion.putIfAbsent(n.version(), n);
            if (other != null) {
                throw PilotException.error("duplicate migration version " + n.version() + ": "
                        + other.fileName() + " and " + n.fileName() + " (the version is the digits before the first _,"
                        + " as the Supabase CLI reads it)", "give one of them a new timestamp: YYYYMMDDHHMMSS_name.sql");
            }
        }
        Set<String> upKeys = new HashSet<>();
        ups.forEach(n -> upKeys.add(n.version() + "_" + n.name()));
        for (String key : new TreeSet<>(downs.keySet())) {
            if (!upKeys.contains(key)) {
                throw PilotException.error("down script without its migration: " + downs.get(key),
                        "name it like its migration, with .down.sql instead of .sql");
            }
        }
        ups.sort(null);
        return readAll(ups, paths, downs);
    }

    /**
     * The {@code .sql} files at the top of the migrations folder that are not migrations, each with
     * why: skipped, as the Supabase CLI skips them. Front ends print them as warnings.
     */
    public List<MigrationListing.Skipped> skippedFiles() {
        Path dir = migrationsDir();
        return Files.isDirectory(dir) ? MigrationListing.of(dir).skipped() : List.of();
    }

    /** The regular {@code .sql} files directly in {@code dir} (none when it does not exist), in name order. */
    private static List<Path> sqlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> MigrationName.looksLikeSql(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
    }

    /**
     * Reads and hashes the files on all cores: for a project with thousands of migrations this is
     * most of what {@code status} does. The first unreadable file in version order is reported, as
     * a sequential read would.
     */
    private static List<MigrationFile> readAll(List<MigrationName> ups, Map<MigrationName, Path> paths, Map<String, Path> downs) {
        Object[] read = new Object[ups.size()];
        IntStream.range(0, ups.size()).parallel().forEach(i -> {
            MigrationName n = ups.get(i);
            Path p = paths.get(n);
            try {
                read[i] = MigrationFile.of(n, p, read(p), Optional.ofNullable(downs.get(n.version() + "_" + n.name())));
            } catch (PilotException e) {
                read[i] = e;
            }
        });
        List<MigrationFile> out = new ArrayList<>(read.length);
        for (Object o : read) {
            if (o instanceof PilotException e) {
                throw e;
            }
            out.add((MigrationFile) o);
        }
        return out;
    }

    /** "at line L, column C (byte 0xNN)" of the first byte that is not UTF-8, so the user can find it. */
    static String whereNotUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        int bad = r.isError() ? in.position() : bytes.length;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The column counts characters, as an editor shows them; the bytes before the bad one on its line are valid UTF-8.
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return "at line " + line + ", column " + column + String.format(" (byte 0x%02X)", bytes[Math.min(bad, bytes.length - 1)] & 0xff);
    }

    /** Reads a SQL file as UTF-8; an unreadable or non-UTF-8 file is an error naming it. */
    public static String read(Path p) {
        try {
            byte[] bytes = Files.readAllBytes(p);
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw PilotException.error("cannot read " + p + ": not UTF-8 text " + whereNotUtf8(bytes), "save the file as UTF-8");
            }
        } catch (IOException e) {
            throw PilotException.error("cannot read " + p + ": " + e.getMessage(), null);
        }
    }
}
