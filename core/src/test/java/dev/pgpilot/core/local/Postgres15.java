package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A second major version for tests: Debian's PostgreSQL 15 (package postgresql-15, installed by
 * .ci/run) as a Supabase-like server, one per test JVM, with the same base as the embedded 17.
 *
 * <p>Debian's binaries find their share folder relative to themselves, so a copy of bin/ under
 * {@code lib/postgresql/15/} of a temporary tree reads that tree's {@code share/postgresql/15/}: a
 * copy of Debian's with pgpilot's extensions added, leaving the system folder untouched.
 */
public final class Postgres15 {
    private static final Path DEBIAN_LIB = Path.of("/usr/lib/postgresql/15");
    private static final Path DEBIAN_SHARE = Path.of("/usr/share/postgresql/15");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseTarget server;

    private Postgres15() {}

    public static boolean available() {
        return Files.isExecutable(DEBIAN_LIB.resolve("bin/postgres")) && Files.isDirectory(DEBIAN_SHARE);
    }

    /** The running PG15 server, connecting as postgres (no superuser, as on Supabase). */
    public static synchronized DatabaseTarget server() {
        if (server == null) {
            try {
                Path tree = Files.createTempDirectory("pgpilot-pg15");
                Path lib = Files.createDirectories(tree.resolve("lib/postgresql/15"));
                copy(DEBIAN_LIB.resolve("bin"), lib.resolve("bin"));
                Files.createSymbolicLink(lib.resolve("lib"), DEBIAN_LIB.resolve("lib"));
                Path share = tree.resolve("share/postgresql/15");
                copy(DEBIAN_SHARE, share);
                PostgresBinaries.prepareExtensions(share.resolve("extension"));
                LocalDatabase local = new LocalDatabase(tree.resolve("cluster"), false, lib);
                server = local.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    local.stopImmediately();
                    LocalDatabase.deleteTree(tree);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new database with the Supabase base on the PG15 server. */
    public static DatabaseTarget fresh() {
        DatabaseTarget s = server();
        String name = "pg15_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        LocalDatabase.createDatabase(s, name);
        return s.withDatabase(name);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
