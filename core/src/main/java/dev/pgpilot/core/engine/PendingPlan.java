package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.sql.PlainTransactionControl;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.target.StandInIndexOptions;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which pending migrations a run applies ({@code up} and its dry run alike), each prepared to run,
 * after refusing every state that must not be applied over: changed applied files, out-of-order
 * versions, a renamed copy of an applied file, applied versions with no file here.
 */
final class PendingPlan {
    private final Session session;

    PendingPlan(Session session) {
        this.session = session;
    }
    /** @param appliedVersions the history as read under the migration lock (or without it for a dry run) */
    List<Applier.Prepared> select(List<MigrationFile> files, List<History.AppliedVersion> appliedVersions, UpOptions options,
                                  StandInIndexOptions indexOptions) {
        StatusReport status = StatusCheck.of(files, appliedVersions);
        List<Applier.Prepared> plan = pending(files, status, options, indexOptions);
        RenamedMigrations.refuse(plan.stream().map(Applier.Prepared::file).toList(), appliedVersions,
                files.stream().map(MigrationFile::version).collect(Collectors.toSet()));
        refuseMissingFiles(status);
        return plan;
    }

    /**
     * Refuses, as {@code supabase db push} does, when the database has versions no file here has: a
     * teammate's files not pulled yet, or history edited by hand. Applying on top would leave a folder
     * that cannot rebuild this database. Checked after {@link RenamedMigrations}, which names the
     * more likely cause when a pending file holds a missing version's content.
     */
    private static void refuseMissingFiles(StatusReport status) {
        if (status.missing().isEmpty()) return;
        throw PilotException.refused("the database has applied versions with no migration file here: " + versions(status.missing()),
                "pull the missing files (git pull), or if those versions were undone, forget them with `pgpilot repair VERSION"
                + " --status reverted` for each (same as `supabase migration repair --status reverted "
                + status.missing().stream().map(StatusReport.Entry::version).collect(Collectors.joining(" ")) + "`)");
    }

    /** The pending files up to --to, after refusing changed applied files and (unless allowed) out-of-order ones. */
    private List<Applier.Prepared> pending(List<MigrationFile> files, StatusReport status, UpOptions options, StandInIndexOptions indexOptions) {
        if (!status.modified().isEmpty()) {
            throw PilotException.refused("applied migrations were changed since they ran: " + versions(status.modified()),
                    "restore the files as they were applied, or record the new content with `pgpilot repair VERSION --status applied`");
        }
        if (!status.outOfOrder().isEmpty() && !options.allowOutOfOrder()) {
            throw PilotException.refused("pending migrations are older than the newest applied one: " + versions(status.outOfOrder()),
                    "check they do not conflict with what ran after them, then pass --allow-out-of-order");
        }
        if (options.toVersion() != null && files.stream().noneMatch(f -> f.version().equals(options.toVersion()))) {
            throw PilotException.refused("no migration file has version " + options.toVersion(), "see `pgpilot status` for the versions");
        }
        java.util.Set<String> pending = status.pending().stream().map(StatusReport.Entry::version).collect(Collectors.toSet());
        List<Applier.Prepared> plan = new ArrayList<>();
        for (MigrationFile f : files) {
            if (!pending.contains(f.version())) continue;
            if (options.toVersion() != null && MigrationName.VERSION_ORDER.compare(f.version(), options.toVersion()) > 0) continue;
            plan.add(prepare(f, indexOptions));
        }
        return plan;
    }

    private Applier.Prepared prepare(MigrationFile f, StandInIndexOptions indexOptions) {
        // The file as written, CRs kept, as the Supabase CLI runs it: a literal or function body spanning
        // lines gets the same bytes whichever tool applied the file. Only a stand-in index's options are
        // blanked (same offsets and lines); the history row is made from the file itself.
        String text = indexOptions.blank(f.text());
        List<SqlStatement> statements = SqlScript.parse(text).statements();
        boolean control = false;
        boolean outside = false;
        for (SqlStatement s : statements) {
            String normalized = s.normalized(); // once: the two checks below would each normalize it
            control |= SqlStatement.isTransactionControl(normalized);
            outside |= SqlStatement.cannotRunInTransaction(normalized);
        }
        if (control) {
            java.util.Optional<PlainTransactionControl> wrapper = PlainTransactionControl.wrapper(statements);
            if (wrapper.isPresent()) {
                return new Applier.Prepared(f, wrapper.get().remaining(statements), wrapper.get().remainingText(text), outside, false);
            }
            PlainTransactionControl.unclosedTransaction(statements).ifPresent(open -> {
                throw PilotException.refused(session.display(f.path()) + ":" + open.line() + ": " + PlainTransactionControl.opener(open)
                        + " opens a transaction no COMMIT closes: the file would end inside its own transaction",
                        "add COMMIT after that block, or delete the " + PlainTransactionControl.opener(open) + "; nothing was applied");
            });
            // Its own BEGIN/COMMIT/ROLLBACK decide: run as written, statement by statement (OutsideTransactionApply).
            return new Applier.Prepared(f, statements, text, true, true);
        }
        return new Applier.Prepared(f, statements, text, outside, false);
    }

    private static String versions(List<StatusReport.Entry> entries) {
        return entries.stream().map(e -> e.version() + "_" + e.name()).collect(Collectors.joining(", "));
    }
}
