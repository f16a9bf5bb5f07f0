package dev.pgpilot.core.workspace;

import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The seed files {@code reset} runs after the migrations, found as the Supabase CLI finds them:
 * each {@code [db.seed] sql_paths} pattern ({@link SupabaseConfig}) is joined to {@code supabase/},
 * globbed one path segment at a time ({@code *}, {@code ?}, {@code [..]} within a segment; no
 * {@code **}), its matches sorted, duplicates dropped, patterns in their order. A pattern that
 * matches nothing is a warning, as in the CLI.
 *
 * @param files    the seeds to run, in order
 * @param warnings one line per pattern that matched nothing
 */
public record SeedFiles(List<Seed> files, List<String> warnings) {

    /**
     * One seed file.
     *
     * @param path the path the Supabase CLI records in {@code supabase_migrations.seed_files}
     *             ({@code supabase/seed.sql}: relative to the project folder, with {@code /})
     * @param file the file on disk
     * @param hash SHA-256 (hex) of the file's bytes as they are, as the CLI records it
     */
    public record Seed(String path, Path file, String hash) {}

    private static final String GLOB_CHARS = "*?[\\";

    public static SeedFiles of(Workspace workspace) {
        SupabaseConfig config = workspace.supabaseConfig();
        if (!config.seedEnabled()) {
            return new SeedFiles(List.of(), List.of());
        }
        Path workdir = workspace.workdir();
        Set<String> found = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (String pattern : config.seedPaths()) {
            if (pattern.isEmpty()) continue;
            String joined = Path.of(pattern).isAbsolute() ? pattern : Path.of("supabase").resolve(pattern).normalize().toString();
            List<String> matches = new ArrayList<>();
            boolean absolute = joined.startsWith("/");
            glob(absolute ? Path.of("/") : workdir, absolute ? "/" : "", List.of((absolute ? joined.substring(1) : joined).split("/")), 0, matches);
            if (matches.isEmpty()) {
                // the CLI's default pattern matching nothing just means the project has no seed
                if (config.exists()) warnings.add("no files matched pattern: " + joined + " ([db.seed] sql_paths in " + SupabaseConfig.PATH + ")");
                continue;
            }
            matches.sort(null);
            found.addAll(matches);
        }
        List<Seed> seeds = new ArrayList<>();
        for (String path : found) {
            Path file = Path.of(path).isAbsolute() ? Path.of(path) : workdir.resolve(path);
            seeds.add(new Seed(path, file, sha256(file)));
        }
        return new SeedFiles(List.copyOf(seeds), List.copyOf(warnings));
    }

    /**
     * Appends to {@code out} the path ({@code prefix} + names) of every regular file under {@code dir}
     * that matches {@code segments} from {@code i} on.
     */
    private static void glob(Path dir, String prefix, List<String> segments, int i, List<String> out) {
        String segment = segments.get(i);
        boolean last = i == segments.size() - 1;
        List<String> names = new ArrayList<>();
        if (segment.chars().noneMatch(c -> GLOB_CHARS.indexOf(c) >= 0)) {
            if (Files.exists(dir.resolve(segment))) names.add(segment);
        } else if (Files.isDirectory(dir)) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + segment);
            try (Stream<Path> s = Files.list(dir)) {
                s.map(Path::getFileName).filter(m::matches).map(Path::toString).forEach(names::add);
            } catch (IOException e) {
                throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
            }
        }
        for (String name : names) {
            Path p = dir.resolve(name);
            if (last) {
                if (Files.isRegularFile(p)) out.add(prefix + name);
            } else if (Files.isDirectory(p)) {
                glob(p, prefix + name + "/", segments, i + 1, out);
            }
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw PilotException.error("cannot read seed file " + file + ": " + e.getMessage(), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
