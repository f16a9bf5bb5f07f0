package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.engine.History;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Environment;
import dev.pgpilot.core.api.model.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database approvals are made for, resolved the way a command resolves it. A class, not a record:
 * its configuration and connection are this package's, and a record's accessors would all be public.
 */
public final class ApprovalTarget {
    private final String envArg;
    private final String name;
    private final Environment environment;
    private final DatabaseTarget database;
    private final Pilot pilot;

    private ApprovalTarget(String envArg, String name, Environment environment, DatabaseTarget database, Pilot pilot) {
        this.envArg = envArg;
        this.name = name;
        this.environment = environment;
        this.database = database;
        this.pilot = pilot;
    }

    /** The environment as named in the request (null: the default target). */
    public String envArg() {
        return envArg;
    }

    /** The environment's name, "local", or the host of a plain URL. */
    public String name() {
        return name;
    }

    /** The facade bound to this target. */
    public Pilot pilot() {
        return pilot;
    }

    /** Its configuration, or null for a plain URL or the local database. */
    Environment environment() {
        return environment;
    }

    /** Where it connects. */
    DatabaseTarget database() {
        return database;
    }

    /** @param r where {@code pilot} connects, resolved by the same rules ({@code ProjectTargets}) as the facade resolves it */
    static ApprovalTarget of(String envArg, Pilot pilot, TargetResolver.Resolved r) {
        String name = r.environment() != null ? r.environment().name() : r.target().local() ? "local" : r.target().label();
        return new ApprovalTarget(envArg, name, r.environment(), r.target(), pilot);
    }

    public ApprovalStore store() {
        return new ApprovalStore(database);
    }

    /** The environment name a button can look this target up by again; empty for a plain URL (re-resolved instead). */
    public String home() {
        return environment != null || database.local() ? name : "";
    }

    /** Host, port, database and user, never the password: what "the same database" means. */
    public String fingerprint() {
        if (database.local()) {
            return "the local embedded database of " + pilot.workdir();
        }
        return database.display();
    }

    /** What an approval for this target means right now: environment, database, history head, files. */
    public Snapshot snapshot() {
        Map<String, String> files = new LinkedHashMap<>();
        for (MigrationFile f : pilot.migrations()) {
            files.put(f.path().getFileName().toString(), f.checksum());
        }
        return new Snapshot(name, fingerprint(), historyHead(), files);
    }

    private String historyHead() {
        try (Connection c = database.connect()) {
            List<History.AppliedVersion> applied = new History(c).applied();
            return applied.isEmpty() ? "nothing applied" : "newest applied " + applied.get(applied.size() - 1).version()
                    + ", " + applied.size() + " applied";
        } catch (SQLException e) {
            throw PilotException.error("cannot read the history of " + database.display() + ": " + e.getMessage().split("\n")[0], null);
        }
    }

    /** Versions the history shows as applied now. */
    java.util.Set<String> appliedVersions() {
        try (Connection c = database.connect()) {
            return new History(c).applied().stream().map(History.AppliedVersion::version).collect(java.util.stream.Collectors.toSet());
        } catch (SQLException e) {
            throw PilotException.error("cannot read the history of " + database.display() + ": " + e.getMessage().split("\n")[0], null);
        }
    }
}
