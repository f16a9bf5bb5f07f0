package dev.pgpilot.core.lint;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The migrations folder as the linter reads it: the migrations in version order, and what the
 * migration runner would refuse or skip (files that are not named as migrations, versions used
 * twice), so lint can report them instead of stopping or staying silent.
 *
 * @param migrations up migrations, in version order (down scripts excluded)
 * @param badNames   regular, non-hidden files whose name is not {@code <digits>_<name>.sql}
 * @param duplicates files whose version an earlier file of the list already has
 */
public record MigrationFolder(List<Path> migrations, List<Path> badNames, Map<Path, Path> duplicates) {

    public static MigrationFolder list(Path dir) {
        if (!Files.isDirectory(dir)) return new MigrationFolder(List.of(), List.of(), Map.of());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw PilotException.error("cannot list " + dir + ": " + e.getMessage(), null);
        }
        List<Path> bad = new ArrayList<>();
        Map<MigrationName, Path> ups = new java.util.TreeMap<>(MigrationFolder::order);
        Map<String, Path> byVersion = new LinkedHashMap<>();
        Map<Path, Path> duplicates = new LinkedHashMap<>();
        for (Path p : files) {
            MigrationName n;
            try {
                n = MigrationName.parse(p.getFileName().toString());
            } catch (PilotException e) {
                bad.add(p);
                continue;
            }
            if (n.down()) continue;
            Path other = byVersion.putIfAbsent(n.version(), p);
            if (other != null) duplicates.put(p, other);
            ups.put(n, p);
        }
        return new MigrationFolder(List.copyOf(ups.values()), List.copyOf(bad), duplicates);
    }

    /** Version order, then the name, so two files sharing a version are both kept. */
    private static int order(MigrationName a, MigrationName b) {
        int c = a.compareTo(b);
        return c != 0 ? c : a.name().compareTo(b.name());
    }
}
