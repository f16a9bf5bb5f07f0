package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.local.ProjectTargets;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Approvals from request to outcome, for any front end: request a plan or an apply, decide,
 * run, cancel, expire, recover after a restart. A request stores exactly what would run; every
 * later step checks it still is, and anything changed makes a fresh request instead of a different run.
 */
public final class ApprovalWorkflow {
    /**
     * @param workdir project folder
     * @param env     process environment (database URLs of environments, {@code DATABASE_URL})
     * @param source  recorded in the history as who drove the run (e.g. "slack")
     * @param policy  who may approve
     * @param ttl     how long a request waits for a decision before it expires
     */
    public record Settings(Path workdir, Map<String, String> env, String source, ApprovalPolicy policy, Duration ttl, Clock clock) {}

    private final Settings settings;

    public ApprovalWorkflow(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    Pilot pilot(String envArg, String actor) {
        return new Pilot(new Pilot.Options(settings.workdir(), null, envArg, settings.source(), actor), settings.clock(), settings.env());
    }

    /** The target a command naming {@code envArg} (null: none) uses; an unknown name is an error, never the default. */
    public ApprovalTarget target(String envArg) {
        return target(envArg, settings.source());
    }

    /** The same, with a facade that records {@code actor} in the history. */
    ApprovalTarget target(String envArg, String actor) {
        // resolved here by the facade's rules: the facade's own resolved target is internal to core.api
        TargetResolver.Resolved where = ProjectTargets.resolver(Workspace.open(settings.workdir()), settings.env()).resolve(null, envArg);
        return ApprovalTarget.of(envArg, pilot(envArg, actor), where);
    }

    /** Environment names a request may end with: the configured ones and "local". */
    public Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(Workspace.open(settings.workdir()).config().environments().keySet());
        names.add("local");
        return names;
    }

    /** Plans the change (nothing is written yet) and stores it, with its lint findings, as a pending approval. */
    public Requested requestPlan(String envArg, String text, String requester, String requestKey) {
        ApprovalTarget t = target(envArg);
        Pilot pilot = t.pilot();
        requireNothingPending(t);
        Plan plan = pilot.plan(text);
        List<ApprovedFile> files = plan.files().stream().map(f -> {
            String up = MigrationFile.normalize(f.migration().upSql());
            return new ApprovedFile(f.fileName(), MigrationFile.checksum(up), up, f.migration().downSql());
        }).toList();
        LintReport lint = pilot.lintPlan(plan);
        lint.refuseIfFailed(); // an incomplete lint never reaches an approver as "no findings"
        return store(t, requestKey, ApprovalKind.PLAN, text, requester, files, lint);
    }

    /** Checks what applying {@code version} ("pending": everything) would run and stores exactly that as a pending approval. */
    public Requested requestApply(String envArg, String version, String requester, String requestKey) {
        ApprovalTarget t = target(envArg);
        Pilot pilot = t.pilot();
        String to = version.equals("pending") ? null : version;
        ApplyResult dry = pilot.up(new UpOptions(to, true, false, false), ApplyListener.NONE);
        if (dry.planned().isEmpty()) {
            throw PilotException.refused("nothing to apply on " + t.name() + (to == null ? "" : " up to " + to),
                    "`/pgpilot status " + t.name() + "` shows what is pending");
        }
        Set<String> planned = dry.planned().stream().map(ApplyResult.Planned::version).collect(Collectors.toSet());
        List<MigrationFile> files = pilot.migrations().stream().filter(f -> planned.contains(f.version())).toList();
        LintReport lint = pilot.lint(files.stream().map(MigrationFile::path).toList());
        lint.refuseIfFailed();
        if (lint.hasErrors()) {
            // Applying would refuse them after the approval anyway; say so now instead of asking anyone to approve.
            throw PilotException.refused("the migrations to apply have lint errors, so nobody is asked to approve them:\n"
                    + String.join("\n", lint.errors().stream().limit(8)
                            .map(f -> f.file() + ":" + f.line() + ": " + f.ruleId() + ": " + f.message()).toList()),
                    "fix them in the repository and ask again");
        }
        List<ApprovedFile> approved = files.stream().map(f -> new ApprovedFile(f.path().getFileName().toString(), f.checksum(), f.sql(),
                f.downPath().map(Workspace::read).orElse(null))).toList();
        return store(t, requestKey, ApprovalKind.APPLY, version, requester, approved, lint);
    }

    private Requested store(ApprovalTarget t, String requestKey, ApprovalKind kind, String text, String requester,
                            List<ApprovedFile> files, LintReport lint) {
        Instant now = settings.clock().instant();
        Approval a = new Approval(UUID.randomUUID().toString(), kind, t.envArg(), t.snapshot(), files, lint.findings(), text,
                requester, now, now.plus(settings.ttl()), ApprovalStatus.PENDING, null, null, null, null, null, null);
        ApprovalStore.Created created = t.store().create(requestKey, a);
        return new Requested(created.approval(), created.stored(), approvers(t, requester), t);
    }

    /** Who may approve on {@code t}: on a protected environment not the requester. */
    private Set<String> approvers(ApprovalTarget t, String requester) {
        Set<String> all = new TreeSet<>(settings.policy().approvers(t.environment()));
        if (t.environment() != null && t.environment().isProtected()) {
            all.remove(requester);
        }
        return all;
    }

    /**
     * A plan always gets the newest version, and applying it applies everything pending up to it:
     * approvers of one plan approved only that plan, so other pending migrations go first, on their own.
     */
    private static void requireNothingPending(ApprovalTarget t) {
        List<String> pending = t.pilot().status().pending().stream().map(e -> e.version()).toList();
        if (!pending.isEmpty()) {
            throw PilotException.refused("other migrations are pending on " + t.name() + ": " + String.join(", ", pending),
                    "ask for them first with `/pgpilot apply pending" + (t.envArg() == null ? "" : " " + t.envArg()) + "`");
        }
    }

    /** Finds the approval a button or a typed id names, where it was stored. */
    Optional<Located> locate(ApprovalRef ref) {
        ApprovalTarget home = target(ref.home() == null || ref.home().isEmpty() ? ref.envArg() : ref.home());
        ApprovalStore store = home.store();
        return (store.exists() ? store.findByPrefix(ref.id()) : Optional.<Approval>empty()).map(a -> new Located(home, a));
    }

    record Located(ApprovalTarget home, Approval approval) {}

    /** The store an approval was saved in, or null when that database cannot be reached now. */
    ApprovalStore homeStore(Approval a) {
        String home = environmentNames().contains(a.environment()) ? a.environment() : a.envArg();
        try {
            return target(home).store();
        } catch (PilotException e) {
            return null;
        }
    }

    private static Decision.NotFound notFound(ApprovalRef ref, ApprovalTarget home) {
        boolean plainUrl = ref.home() != null && ref.home().isEmpty();
        return new Decision.NotFound("approval " + ref.id() + " is not stored in " + home.name() + " (" + home.fingerprint() + ")",
                plainUrl ? "the bot's database changed since the request was made; ask for the change again"
                        : "`/pgpilot pending` lists the open requests; ask for the change again");
    }

    /** Approves or rejects; approving re-checks everything the approvers were shown. */
    public Decision decide(ApprovalRef ref, String user, boolean approve, String reason) {
        Optional<Located> found = locate(ref);
        if (found.isEmpty()) {
            return notFound(ref, target(ref.home() == null || ref.home().isEmpty() ? ref.envArg() : ref.home()));
        }
        ApprovalTarget home = found.get().home();
        Approval a = found.get().approval();
        if (a.status() != ApprovalStatus.PENDING) {
            return new Decision.AlreadyDecided(a);
        }
        if (!a.expiresAt().isAfter(settings.clock().instant())) {
            return home.store().expire(a.id(), settings.clock().instant())
                    .<Decision>map(Decision.Expired::new).orElseGet(() -> new Decision.AlreadyDecided(home.store().find(a.id()).orElse(a)));
        }
        ApprovalPolicy.Verdict verdict = approve ? settings.policy().mayApprove(a, user, home.environment())
                : settings.policy().mayReject(a, user, home.environment());
        if (!verdict.allowed()) {
            return new Decision.Refused(a, verdict.reason(), verdict.hint());
        }
        if (!approve) {
            return home.store().move(a.id(), ApprovalStatus.PENDING, ApprovalStatus.REJECTED, user, reason)
                    .<Decision>map(Decision.Rejected::new).orElseGet(() -> alreadyDecided(home, a));
        }
        ApprovalTarget now;
        try {
            now = target(a.envArg());
        } catch (PilotException e) {
            return new Decision.Refused(a, "cannot check approval " + a.shortId() + " against " + a.environment() + " now: " + e.getMessage(), e.hint());
        }
        List<String> differences = Checks.differences(a, now);
        if (!differences.isEmpty()) {
            Optional<Approval> stale = home.store().move(a.id(), ApprovalStatus.PENDING, ApprovalStatus.STALE, user,
                    "changed since it was shown: " + String.join("; ", differences));
            if (stale.isEmpty()) {
                return alreadyDecided(home, a);
            }
            Fresh fresh = fresh(stale.get());
            return new Decision.Changed(stale.get(), differences, fresh.requested(), fresh.failure());
        }
        LintReport lint = Checks.lintToday(a, now.pilot());
        if (lint.hasErrors()) {
            return new Decision.LintBlocked(a, lint);
        }
        return home.store().move(a.id(), ApprovalStatus.PENDING, ApprovalStatus.APPROVED, user, null)
                .<Decision>map(Decision.Approved::new).orElseGet(() -> alreadyDecided(home, a));
    }

    /** The requester (or an approver) withdraws a pending request. */
    public Decision cancel(ApprovalRef ref, String user) {
        Optional<Located> found = locate(ref);
        if (found.isEmpty()) {
            return notFound(ref, target(ref.envArg()));
        }
        ApprovalTarget home = found.get().home();
        Approval a = found.get().approval();
        if (a.status() != ApprovalStatus.PENDING) {
            return new Decision.AlreadyDecided(a);
        }
        ApprovalPolicy.Verdict verdict = settings.policy().mayReject(a, user, home.environment());
        if (!verdict.allowed()) {
            return new Decision.Refused(a, verdict.reason(), "only the requester or an approver can cancel it");
        }
        return home.store().move(a.id(), ApprovalStatus.PENDING, ApprovalStatus.CANCELLED, user, "cancelled")
                .<Decision>map(Decision.Cancelled::new).orElseGet(() -> alreadyDecided(home, a));
    }

    private static Decision alreadyDecided(ApprovalTarget home, Approval a) {
        return new Decision.AlreadyDecided(home.store().find(a.id()).orElse(a));
    }

    record Fresh(Requested requested, PilotException failure) {}

    /** The same change asked for again by the same requester, against what is there now. */
    Fresh fresh(Approval stale) {
        String key = "fresh:" + stale.id();
        try {
            Requested r = stale.kind() == ApprovalKind.PLAN
                    ? requestPlan(stale.envArg(), stale.requestText(), stale.requestedBy(), key)
                    : requestApply(stale.envArg(), stale.requestText(), stale.requestedBy(), key);
            return new Fresh(r, null);
        } catch (PilotException e) {
            return new Fresh(null, e);
        }
    }

    /** Runs an approval this process just approved; the outcome is recorded before it returns. */
    public Outcome run(Approval approved) {
        return new ApprovalRun(this, approved).run();
    }

    /**
     * Open requests on {@code envArg}'s target. Timed-out ones are left out but not marked here:
     * marking is the sweep's ({@link #expireAll}), which hands them to the front end to announce.
     */
    public List<Approval> pending(String envArg) {
        ApprovalStore store = target(envArg).store();
        if (!store.exists()) {
            return List.of();
        }
        Instant now = settings.clock().instant();
        return store.withStatus(ApprovalStatus.PENDING).stream().filter(a -> a.expiresAt().isAfter(now)).toList();
    }

    /** Marks every reachable environment's timed-out requests expired and returns them. */
    public List<Approval> expireAll() {
        return Recovery.reachable(this).stream().filter(t -> t.store().exists())
                .flatMap(t -> t.store().expire(settings.clock().instant()).stream()).toList();
    }

    /** After a start: approvals left approved by a stopped bot are reconciled with the history. */
    public Recovery.Report recover() {
        return new Recovery(this).run();
    }
}
