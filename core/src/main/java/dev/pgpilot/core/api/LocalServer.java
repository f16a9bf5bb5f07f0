package dev.pgpilot.core.api;

import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.local.LocalStandIns;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The project's embedded PostgreSQL server ({@code .pgpilot/local}): {@code db start | stop | status | reset}. */
public final class LocalServer {
    private final LocalDatabase local;
    private final Workspace workspace;

    LocalServer(LocalDatabase local, Workspace workspace) {
        this.local = local;
        this.workspace = workspace;
    }

    /** A local stand-in for a Supabase extension; {@code installed}: created in the postgres database. */
    public record StandIn(String name, boolean installed, String behaviour) {}

    /**
     * Where the server stands.
     *
     * @param supabaseRoles false for a server made by an older pgpilot (postgres a superuser there)
     * @param standIns      the stand-ins of a running server, none when it is stopped
     */
    public record Status(boolean initialized, boolean running, int port, Path dataDir, boolean supabaseRoles, List<StandIn> standIns) {}

    /** Starts it (creating it the first time) and returns its address for display. */
    public String start() {
        return local.start().display();
    }

    /** False when it was not running. */
    public boolean stop() {
        return local.stop();
    }

    /** Deletes every database of the server and creates it again, then starts it; returns its address for display. */
    public String recreate() {
        local.reset();
        return start();
    }

    public boolean isRunning() {
        return local.state().running();
    }

    public Path dataDir() {
        return local.dataDir();
    }

    public Status status() {
        LocalDatabase.State s = local.state();
        List<StandIn> standIns = local.runningTarget().map(LocalStandIns::of).orElse(List.of()).stream()
                .map(x -> new StandIn(x.name(), x.installed(), x.behaviour())).toList();
        return new Status(s.initialized(), s.running(), s.port(), local.dataDir(), local.hasSupabaseRoles(), standIns);
    }

    /** A note when config.toml asks for a PostgreSQL major the embedded server does not run. */
    public Optional<String> majorVersionNote() {
        return LocalDatabase.majorVersionNote(workspace.supabaseConfig());
    }
}
