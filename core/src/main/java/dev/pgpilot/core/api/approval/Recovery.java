package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a start does about approvals a stopped bot left "approved": each is compared with the
 * history and ends as applied (everything ran), or interrupted (saying which of its migrations ran
 * and which did not). One still being run by another live bot process (it holds the approval lock)
 * is left alone.
 */
public final class Recovery {
    /**
     * @param finished approvals this start reconciled, as now recorded
     * @param skipped  environments that could not be checked, with the reason
     */
    public record Report(List<Approval> finished, List<String> skipped) {}

    private final ApprovalWorkflow workflow;

    Recovery(ApprovalWorkflow workflow) {
        this.workflow = workflow;
    }

    Report run() {
        List<Approval> finished = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String name : names(workflow)) {
            try {
                ApprovalTarget t = workflow.target(name);
                if (!seen.add(t.fingerprint()) || !t.store().exists()) {
                    continue;
                }
                Optional<RunLock> lock = RunLock.tryAcquire(t.database());
                if (lock.isEmpty()) {
                    skipped.add(t.name() + ": another pgpilot process is running an approved change there");
                    continue;
                }
                try (RunLock ignored = lock.get()) {
                    Set<String> applied = t.appliedVersions();
                    for (Approval a : t.store().withStatus(ApprovalStatus.APPROVED)) {
                        reconcile(t, a, applied).ifPresent(finished::add);
                    }
                }
            } catch (PilotException e) {
                skipped.add((name == null ? "the default target" : name) + ": " + e.getMessage());
            }
        }
        return new Report(finished, skipped);
    }

    private Optional<Approval> reconcile(ApprovalTarget t, Approval a, Set<String> applied) {
        List<String> ran = a.files().stream().map(ApprovedFile::version).filter(applied::contains).toList();
        List<String> notRun = a.files().stream().map(ApprovedFile::version).filter(v -> !applied.contains(v)).toList();
        if (notRun.isEmpty()) {
            return t.store().finish(a.id(), ApprovalStatus.APPLIED, "applied " + ran.size() + " migration" + (ran.size() == 1 ? "" : "s")
                    + " on " + t.name() + " (the bot stopped before recording it; the history shows every one applied)");
        }
        String cleanup = a.kind() == ApprovalKind.PLAN ? removeUnappliedPlanFile(t, a.files().get(0)) : "";
        String outcome = ran.isEmpty()
                ? "interrupted: the bot stopped before any of it was applied; nothing ran" + cleanup
                : "interrupted: the bot stopped while applying: " + ran.size() + " of " + a.files().size() + " ran ("
                        + String.join(", ", ran) + "); not run: " + String.join(", ", notRun);
        return t.store().finish(a.id(), ApprovalStatus.INTERRUPTED, outcome);
    }

    private static String removeUnappliedPlanFile(ApprovalTarget t, ApprovedFile f) {
        Optional<MigrationFile> own = t.pilot().migrations().stream()
                .filter(m -> m.path().getFileName().toString().equals(f.fileName()) && m.checksum().equals(f.sha256())).findFirst();
        if (own.isEmpty()) {
            return "";
        }
        try {
            Files.deleteIfExists(own.get().path());
            if (own.get().downPath().isPresent()) {
                Files.deleteIfExists(own.get().downPath().get());
            }
            return "; " + f.fileName() + " was removed again";
        } catch (IOException e) {
            return "; " + f.fileName() + " could not be removed: " + e.getMessage();
        }
    }

    /** Every target approvals may live in: each configured environment and the default, each database once. */
    static List<ApprovalTarget> reachable(ApprovalWorkflow workflow) {
        Map<String, ApprovalTarget> byDatabase = new LinkedHashMap<>();
        for (String name : names(workflow)) {
            try {
                ApprovalTarget t = workflow.target(name);
                byDatabase.putIfAbsent(t.fingerprint(), t);
            } catch (PilotException ignored) {
                // an environment whose URL is not set here has no approvals this bot could reach
            }
        }
        return List.copyOf(byDatabase.values());
    }

    private static List<String> names(ApprovalWorkflow workflow) {
        List<String> names = new ArrayList<>();
        names.add(null);
        workflow.environmentNames().stream().filter(n -> !n.equals("local")).forEach(names::add);
        return names;
    }
}
