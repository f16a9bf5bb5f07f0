package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.PlannedFile;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs one approved change under the approval lock: checks once more that it is what was shown,
 * writes a plan's file, applies exactly the approved versions, and records how it ended. A plan
 * whose migration did not get applied takes its own file away again, so it blocks nothing later.
 */
final class ApprovalRun {
    private final ApprovalWorkflow workflow;
    private final Approval approval;

    ApprovalRun(ApprovalWorkflow workflow, Approval approval) {
        this.workflow = workflow;
        this.approval = approval;
    }

    Outcome run() {
        ApprovalTarget t;
        try {
            t = workflow.target(approval.envArg(), approval.decidedBy());
        } catch (PilotException e) {
            // The target cannot be resolved any more (its URL variable is gone): record that where the approval lives.
            return failed(workflow.homeStore(approval), e.getMessage(), e.hint(), null);
        }
        ApprovalStore store = t.store();
        boolean written = false;
        try (RunLock ignored = RunLock.acquire(t.database())) {
            List<String> differences = Checks.differences(approval, t);
            if (!differences.isEmpty()) {
                Optional<Approval> stale = store.finish(approval.id(), ApprovalStatus.STALE,
                        "nothing ran: changed after the approval: " + String.join("; ", differences));
                ApprovalWorkflow.Fresh fresh = workflow.fresh(stale.orElse(approval));
                return new Outcome.Changed(stale.orElse(approval), differences, fresh.requested(), fresh.failure());
            }
            Pilot pilot = t.pilot();
            List<Path> paths = new ArrayList<>();
            if (approval.kind() == ApprovalKind.PLAN) {
                List<PlannedFile> planned = approval.files().stream().map(f -> new PlannedFile(
                        new MigrationSql(MigrationName.parse(f.fileName()).name(), f.sql(), f.downSql(), approval.requestText()), f.fileName())).toList();
                paths.addAll(pilot.write(new Plan(planned)));
                written = true;
                for (ApprovedFile f : approval.files()) ownFile(pilot, f.fileName()).flatMap(MigrationFile::downPath).ifPresent(paths::add);
            }
            ApplyResult result = pilot.up(new UpOptions(approval.lastVersion(), false, false, false), ApplyListener.NONE);
            Set<String> ran = result.applied().stream().map(ApplyResult.Applied::version).collect(Collectors.toCollection(TreeSet::new));
            Set<String> meant = approval.files().stream().map(ApprovedFile::version).collect(Collectors.toCollection(TreeSet::new));
            if (!ran.equals(meant)) {
                // Never report "applied" for a run that did something else than what was approved (or nothing).
                String what = ran.isEmpty() ? "nothing ran" : "ran " + String.join(", ", ran);
                return failed(store, what + " instead of the approved " + String.join(", ", meant),
                        "`/pgpilot status` shows what is applied now", written ? cleanup(t) : null);
            }
            String commit = approval.kind() == ApprovalKind.PLAN ? new GitRecorder(pilot.workdir()).commit(paths, commitMessage()) : null;
            String outcome = "applied " + ran.size() + " migration" + (ran.size() == 1 ? "" : "s") + " on " + t.name()
                    + (commit == null ? "" : "; " + commit);
            Approval finished = store.finish(approval.id(), ApprovalStatus.APPLIED, outcome).orElse(approval);
            return new Outcome.Applied(finished, result, commit);
        } catch (PilotException e) {
            return failed(store, e.getMessage(), e.hint(), written ? cleanup(t) : null);
        } catch (RuntimeException e) {
            return failed(store, e.toString(), "the bot's log has the details", written ? cleanup(t) : null);
        }
    }

    private String commitMessage() {
        ApprovedFile f = approval.files().get(0);
        return "pgpilot: " + f.fileName() + " on " + approval.environment() + "\n\n" + approval.requestText()
                + "\n\nApproval: " + approval.id() + "\nRequested-by: " + approval.requestedBy() + "\nApproved-by: " + approval.decidedBy() + "\n";
    }

    private static Optional<MigrationFile> ownFile(Pilot pilot, String fileName) {
        return pilot.migrations().stream().filter(m -> m.path().getFileName().toString().equals(fileName)).findFirst();
    }

    /**
     * Removes the plan's own files (and their down scripts) whose versions did not get applied: a
     * pending leftover would block every later plan. Their failed attempts stay in the history.
     */
    private String cleanup(ApprovalTarget t) {
        return String.join("; ", approval.files().stream().map(f -> cleanup(t, f)).toList());
    }

    private String cleanup(ApprovalTarget t, ApprovedFile f) {
        try {
            if (t.appliedVersions().contains(f.version())) {
                return f.fileName() + " was applied and is kept";
            }
            Optional<MigrationFile> own = ownFile(t.pilot(), f.fileName());
            if (own.isEmpty()) {
                return "nothing ran; " + f.fileName() + " was not written";
            }
            if (!MigrationFile.checksum(own.get().sql()).equals(f.sha256())) {
                return f.fileName() + " was changed by someone else and is kept";
            }
            java.nio.file.Files.deleteIfExists(own.get().path());
            if (own.get().downPath().isPresent()) {
                java.nio.file.Files.deleteIfExists(own.get().downPath().get());
            }
            return "nothing of it is applied; " + f.fileName() + " was removed again";
        } catch (PilotException | java.io.IOException e) {
            return f.fileName() + " was written but may not have been removed: `/pgpilot status` shows it";
        }
    }

    private Outcome failed(ApprovalStore store, String message, String hint, String cleanup) {
        String outcome = "failed: " + message + (cleanup == null ? "" : " (" + cleanup + ")");
        Approval finished = store == null ? approval : store.finish(approval.id(), ApprovalStatus.FAILED, outcome).orElse(approval);
        return new Outcome.Failed(finished, message, hint, cleanup);
    }
}
