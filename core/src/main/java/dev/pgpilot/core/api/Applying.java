package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.render.Templates;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The migration engine through the facade: status, up (prepared, previewed, applied), down,
 * repair, history, and read-only queries on the target. {@link Pilot} delegates to it.
 */
final class Applying {
    private final Pilot pilot;

    Applying(Pilot pilot) {
        this.pilot = pilot;
    }

    private dev.pgpilot.core.engine.Session session() {
        return new dev.pgpilot.core.engine.Session(pilot.workspace(), pilot.database(), pilot.options().source(), pilot.options().actor(), pilot.clock());
    }

    /** Applied, pending, modified, missing and out-of-order migrations of the target. */
    public dev.pgpilot.core.api.model.StatusReport status() {
        dev.pgpilot.core.target.DatabaseTarget t = pilot.database();
        // Connecting and querying the history overlap with reading and hashing the files: with thousands
        // of migrations each takes a good part of status's time.
        java.util.concurrent.CompletableFuture<java.util.List<dev.pgpilot.core.engine.History.AppliedVersion>> history =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> applied(t), Applying::onOwnThread);
        java.util.List<dev.pgpilot.core.api.model.MigrationFile> files = pilot.workspace().migrations();
        try {
            return dev.pgpilot.core.engine.StatusCheck.of(files, history.join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static java.util.List<dev.pgpilot.core.engine.History.AppliedVersion> applied(dev.pgpilot.core.target.DatabaseTarget t) {
        try (java.sql.Connection c = t.connect()) {
            return new dev.pgpilot.core.engine.History(c).applied();
        } catch (java.sql.SQLException e) {
            throw PilotException.error("cannot read the history of " + t.display() + ": " + e.getMessage().split("\n")[0], null);
        }
    }

    // Not the common pool: it may have a single worker, which the files' parallel read needs.
    private static void onOwnThread(Runnable r) {
        Thread th = new Thread(r, "pgpilot-history");
        th.setDaemon(true);
        th.start();
    }

    /**
     * Applies pending migrations ({@code up}); throws {@link PilotException} (exit 1) naming file and line on failure.
     * The warnings end with a notice for each local stand-in extension the run installed.
     */
    public dev.pgpilot.core.api.model.ApplyResult up(dev.pgpilot.core.api.model.UpOptions up, dev.pgpilot.core.api.model.ApplyListener listener) {
        dev.pgpilot.core.target.DatabaseTarget t = pilot.database();
        java.util.List<dev.pgpilot.core.local.LocalStandIns.StandIn> before =
                up.dryRun() ? java.util.List.of() : dev.pgpilot.core.local.LocalStandIns.ofOrNone(t);
        dev.pgpilot.core.api.model.ApplyResult r = new dev.pgpilot.core.engine.Applier(session()).up(up, listener);
        java.util.List<String> notices = up.dryRun() || r.applied().isEmpty() ? java.util.List.of()
                : dev.pgpilot.core.local.LocalStandIns.notices(before, dev.pgpilot.core.local.LocalStandIns.ofOrNone(t));
        if (notices.isEmpty()) return r;
        java.util.List<String> warnings = new java.util.ArrayList<>(r.warnings());
        warnings.addAll(notices);
        return new dev.pgpilot.core.api.model.ApplyResult(r.target(), r.planned(), r.applied(), java.util.List.copyOf(warnings), r.dryRun());
    }

    /** What {@code up} will run, refused now when {@code up} would refuse it for lint errors (nothing runs). */
    public dev.pgpilot.core.api.model.ApplyResult upPreview(dev.pgpilot.core.api.model.UpOptions up) {
        return new dev.pgpilot.core.engine.Applier(session()).preview(up, dev.pgpilot.core.api.model.ApplyListener.NONE);
    }

    /** Prepares {@code up}: what it will run and where, refused now for lint errors; nothing runs until {@link UpPlan#apply}. */
    public UpPlan prepareUp(dev.pgpilot.core.api.model.UpOptions up) {
        dev.pgpilot.core.api.model.ApplyResult preview = upPreview(up);
        TargetResolver.Resolved t = pilot.target();
        return new UpPlan(pilot, up, preview, t.isProtected() ? t.environment().name() : null);
    }

    /**
     * Applies the pending migrations to {@code target} (reset's fresh database, whose address may differ
     * from the resolved one after a restart) through the engine, so the history records them as {@code up} does.
     */
    public dev.pgpilot.core.api.model.ApplyResult upOn(dev.pgpilot.core.target.DatabaseTarget target, dev.pgpilot.core.api.model.UpOptions up) {
        return new dev.pgpilot.core.engine.Applier(new dev.pgpilot.core.engine.Session(pilot.workspace(), target, pilot.options().source(), pilot.options().actor(), pilot.clock()))
                .up(up, dev.pgpilot.core.api.model.ApplyListener.NONE);
    }

    /** What {@link #down} would revert, newest first (refuses when a down script is missing). */
    public java.util.List<dev.pgpilot.core.api.model.MigrationFile> downPlan(dev.pgpilot.core.api.model.DownOptions down) {
        return new dev.pgpilot.core.engine.Rollback(session()).plan(down);
    }

    /** The SQL a migration's down script runs (refuses when it has none). */
    public String downSql(dev.pgpilot.core.api.model.MigrationFile file) {
        return dev.pgpilot.core.engine.Rollback.downSql(file);
    }

    /** Reverts applied migrations with their down scripts. */
    public dev.pgpilot.core.api.model.DownResult down(dev.pgpilot.core.api.model.DownOptions down) {
        return new dev.pgpilot.core.engine.Rollback(session()).down(down);
    }

    /**
     * {@code sql}: one query, or a meta-command ({@code \d}, {@code \dt}, {@code \d TABLE}), run on
     * the target in a read-only transaction with a statement timeout.
     */
    public dev.pgpilot.core.api.model.QueryResult query(String text) {
        dev.pgpilot.core.target.DatabaseTarget t = pilot.database();
        return dev.pgpilot.core.query.MetaCommand.isMeta(text)
                ? dev.pgpilot.core.query.MetaCommand.parse(text).run(t)
                : dev.pgpilot.core.query.ReadOnlyQuery.run(t, text);
    }

    /** Every recorded attempt (up, down, repair), oldest first. */
    public java.util.List<dev.pgpilot.core.api.model.HistoryEntry> history() {
        try (java.sql.Connection c = pilot.database().connect()) {
            return new dev.pgpilot.core.engine.History(c).entries();
        } catch (java.sql.SQLException e) {
            throw PilotException.error("cannot read the history of " + pilot.database().display() + ": " + e.getMessage().split("\n")[0], null);
        }
    }

    /** Fixes the history of one version without running its SQL. */
    public dev.pgpilot.core.api.model.RepairResult repair(String version, dev.pgpilot.core.api.model.RepairStatus status) {
        return new dev.pgpilot.core.engine.Repair(session()).repair(version, status);
    }
}
