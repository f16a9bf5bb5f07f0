package dev.pgpilot.core.workspace;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where down scripts live: {@code <migrations>/down/<version>_<name>.down.sql}. The Supabase CLI
 * takes every {@code ^[0-9]+_.*\.sql$} file at the top of the migrations folder as a migration (so a
 * down script beside its up file is run by {@code supabase db push} and {@code db reset}) and skips
 * directories, so a subfolder keeps them out of its sight while they stay next to their migrations.
 * Every reader and writer of down scripts asks this class for the path.
 */
public final class DownScripts {
    /** The subfolder of the migrations folder that holds the down scripts. */
    public static final String FOLDER = "down";

    /** A down script moved from the top of the migrations folder into {@link #FOLDER}. */
    public record Moved(Path from, Path to) {
        /** The line a front end prints (with both paths relative to {@code workdir}). */
        public String message(Path workdir) {
            return "moved " + workdir.relativize(from) + " to " + workdir.relativize(to)
                    + " (down scripts beside their migration are run as migrations by the Supabase CLI)";
        }
    }

    private DownScripts() {}

    public static Path folder(Path migrationsDir) {
        return migrationsDir.resolve(FOLDER);
    }

    /** The down script of an up migration named {@code name} (which need not exist). */
    public static Path of(Path migrationsDir, MigrationName name) {
        return folder(migrationsDir).resolve(name.downFileName());
    }

    /** True for a {@code <version>_<name>.down.sql} file left at the top of the migrations folder by older pgpilot versions. */
    static boolean isLegacy(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".down.sql") && Character.isDigit(n.charAt(0)) && Files.isRegularFile(file);
    }

    /**
     * Moves every down script at the top of {@code migrationsDir} into {@link #FOLDER}. All targets are
     * checked before the first move: when one already exists with other content nothing is moved and
     * the error names both files; one with the same content just loses its stale top-level copy.
     */
    public static List<Moved> moveLegacy(Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            return List.of();
        }
        List<Path> legacy;
        try (Stream<Path> s = Files.list(migrationsDir)) {
            legacy = s.filter(DownScripts::isLegacy).sorted().toList();
        } catch (IOException e) {
            throw PilotException.error("cannot list " + migrationsDir + ": " + e.getMessage(), null);
        }
        if (legacy.isEmpty()) {
            return List.of();
        }
        Path folder = folder(migrationsDir);
        for (Path from : legacy) {
            Path to = folder.resolve(from.getFileName());
            if (Files.exists(to) && !sameContent(from, to)) {
                throw PilotException.error("down script " + from + " is also in " + folder + " with other content",
                        "keep one of them in " + folder + " and delete the other (nothing was moved)");
            }
        }
        List<Moved> moved = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (Path from : legacy) {
                Path to = folder.resolve(from.getFileName());
                if (Files.exists(to)) {
                    Files.delete(from);
                } else {
                    Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                moved.add(new Moved(from, to));
            }
        } catch (IOException e) {
            throw PilotException.error("cannot move down scripts into " + folder + ": " + e.getMessage()
                    + (moved.isEmpty() ? "" : " (already moved: " + moved.size() + ")"), "move the remaining .down.sql files there by hand");
        }
        return moved;
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }
}
