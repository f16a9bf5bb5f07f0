package dev.pgpilot.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real tool from the npm registry (tsc, the Supabase CLI), installed once into a cache folder
 * outside target/ so clean builds and other checkouts reuse it: {@code $PGPILOT_NPM_CACHE}, else
 * {@code $XDG_CACHE_HOME} or {@code ~/.cache}, then {@code pgpilot/<folder>}. Each install goes to a
 * folder beside the cache and is moved into place, so two test runs never see a half-installed copy.
 * A test that needs a tool fails (it does not skip) when npm is missing or the install fails.
 *
 * @param spec   what {@code npm install} gets, e.g. {@code supabase@2.117.0}
 * @param bin    the executable under {@code node_modules/.bin/}; null for a library (supabase-js)
 * @param folder the cache folder's name
 */
public record NpmTool(String spec, String bin, String folder) {
    public static final NpmTool TYPESCRIPT = new NpmTool("typescript@5", "tsc", "typescript5");
    public static final NpmTool SUPABASE_CLI = new NpmTool("supabase@2.117.0", "supabase", "supabase-2.117.0");
    /** The client the generated types are for; a library, so compiled against through {@link #nodeModules()}. */
    public static final NpmTool SUPABASE_JS = new NpmTool("@supabase/supabase-js@2.119.1", null, "supabase-js-2.119.1");

    /** The installed {@code node_modules} folder (installed first when the cache does not have it). */
    public synchronized Path nodeModules() {
        Path modules = cacheRoot().resolve(folder).resolve("node_modules");
        if (!Files.exists(installedMarker(modules))) {
            install();
        }
        return modules;
    }

    /** An executable's file, or a library's package.json. */
    private Path installedMarker(Path modules) {
        if (bin != null) return modules.resolve(".bin").resolve(bin);
        int at = spec.lastIndexOf('@');
        return modules.resolve(at > 0 ? spec.substring(0, at) : spec).resolve("package.json");
    }

    /** The executable, installed first when the cache does not have it. */
    public synchronized Path executable() {
        Path exe = cacheRoot().resolve(folder).resolve("node_modules/.bin").resolve(bin);
        if (!Files.isExecutable(exe)) {
            install();
        }
        return exe;
    }

    private void install() {
        Path cache = cacheRoot().resolve(folder);
        try {
            Files.createDirectories(cache.getParent());
            Path staging = Files.createTempDirectory(cache.getParent(), folder + "-install-");
            Process p;
            try {
                p = new ProcessBuilder("npm", "install", "--prefix", staging.toString(), "--no-audit", "--no-fund", spec)
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("this test needs node and npm on the PATH for " + spec + " (" + e.getMessage() + ")", e);
            }
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(installedMarker(staging.resolve("node_modules")))) {
                fail("npm install " + spec + " failed:\n" + out);
            }
            moveIntoPlace(staging, cache, installedMarker(cache.resolve("node_modules")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while installing " + spec, e);
        }
    }

    /**
     * Moves a finished install into the cache folder. Two test forks on a fresh machine install at
     * the same time; the second one's rename fails because the folder exists, and Linux reports
     * that as a plain {@link FileSystemException} ("Directory not empty", not the
     * {@code DirectoryNotEmptyException} subtype), which once turned a clean CI run red. The loser
     * uses the winner's copy when it is complete and removes its own.
     */
    static void moveIntoPlace(Path staging, Path cache, Path marker) throws IOException {
        try {
            Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!Files.exists(marker)) {
                throw e;
            }
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Path cacheRoot() {
        String explicit = System.getenv("PGPILOT_NPM_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pgpilot").toAbsolutePath();
    }
}
