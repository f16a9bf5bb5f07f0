package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.approval.Approval;
import dev.pgpilot.core.approval.ApprovalKind;
import dev.pgpilot.core.approval.ApprovalRequest;
import dev.pgpilot.core.approval.ApprovalStore;
import dev.pgpilot.core.db.ApplyListener;
import dev.pgpilot.core.db.ApplyResult;
import dev.pgpilot.core.db.TargetResolver;
import dev.pgpilot.core.db.UpOptions;
import dev.pgpilot.core.lint.LintReport;
import dev.pgpilot.core.render.Migration;
import dev.pgpilot.core.workspace.Environment;
import dev.pgpilot.core.workspace.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place the bot calls {@link Pilot}. Handlers parse and render; this class picks the
 * target for an environment, stores approvals before anything runs, and runs approved changes
 * with source {@code slack} and the Slack user as actor.
 */
final class BotActions {
    static final String SOURCE = "slack";

    /** A resolved environment: its display name, its config (null for a plain URL or local) and its approvals table. */
    record Target(String envArg, String name, Environment environment, ApprovalStore approvals) {}

    /** A stored approval request and the message that asks for it. */
    record Requested(Target target, Approval approval, List<LayoutBlock> blocks) {}

    /** How running an approved change ended: a line for the message, details for the thread, the error for the record. */
    record Outcome(boolean success, String summary, String details, String error) {}

    private final BotSettings settings;

    BotActions(BotSettings settings) {
        this.settings = settings;
    }

    private Pilot pilot(String env, String actor) {
        return new Pilot(new Pilot.Options(settings.workdir(), null, env, SOURCE, actor), Clock.systemUTC(), settings.env());
    }

    /** Names a trailing word of {@code plan} may use to pick an environment. */
    Set<String> environmentNames() {
        try {
            Set<String> names = new TreeSet<>(Workspace.open(settings.workdir()).config().environments().keySet());
            names.add("local");
            return names;
        } catch (PilotException e) {
            return Set.of("local");
        }
    }

    Target target(String env) {
        TargetResolver.Resolved r = pilot(env, SOURCE).target();
        String name = r.environment() != null ? r.environment().name() : env != null ? env : r.target().label();
        return new Target(env, name, r.environment(), new ApprovalStore(r.target()));
    }

    List<LayoutBlock> status(String env) {
        Target t = target(env);
        return StatusReplies.status(t.name(), pilot(env, SOURCE).status());
    }

    List<LayoutBlock> history(String env) {
        Target t = target(env);
        return StatusReplies.history(t.name(), pilot(env, SOURCE).history());
    }

    /** Plans the change (nothing is written yet) and stores it as a pending approval. */
    Requested requestPlan(BotCommand.Plan cmd, String user, String requestKey) {
        Target t = target(cmd.env());
        Pilot pilot = pilot(cmd.env(), user);
        Pilot.Plan plan = pilot.plan(cmd.request());
        requireNothingElsePending(pilot, t, version(plan.fileName()));
        // The findings are stored with the request, so the message keeps showing them after the decision.
        String lint = LintText.section(pilot.lintPlan(plan.fileName(), plan.migration().upSql()));
        ApprovalRequest req = new ApprovalRequest(key(requestKey), ApprovalKind.PLAN, t.name(), cmd.request(), null,
                plan.fileName(), plan.migration().name(), plan.migration().upSql(), plan.migration().downSql(), user, lint);
        Approval a = t.approvals().create(req);
        return new Requested(t, a, ApprovalMessages.request(a, new ApprovalRef(a.id(), cmd.env())));
    }

    /** Checks what {@code apply} would run (a dry run) and stores it as a pending approval. */
    Requested requestApply(BotCommand.Apply cmd, String user, String requestKey) {
        Target t = target(cmd.env());
        String to = cmd.version().equals("pending") ? null : cmd.version();
        Pilot pilot = pilot(cmd.env(), user);
        ApplyResult dry = pilot.up(new UpOptions(to, true, false, false), ApplyListener.NONE);
        if (dry.planned().isEmpty()) {
            throw PilotException.refused("nothing to apply on " + t.name() + (to == null ? "" : " up to " + to),
                    "`/pgpilot status " + t.name() + "` shows what is pending");
        }
        LintReport lint = pilot.lint(dry.planned().stream()
                .map(p -> pilot.workspace().migrationsDir().resolve(p.file())).toList());
        lint.refuseIfFailed();
        if (lint.hasErrors()) {
            // up would refuse them after the approval anyway; say so now instead of asking anyone to approve.
            throw PilotException.refused("the migrations to apply have lint errors, so nobody is asked to approve them:\n"
                    + String.join("\n", lint.errors().stream().limit(LintText.SHOWN)
                            .map(f -> f.file() + ":" + f.line() + ": " + f.ruleId() + ": " + f.message()).toList()),
                    "fix them (`pgpilot lint` shows each fix); `pgpilot up --allow-lint-errors` from a shell overrides, and is recorded");
        }
        String details = StatusReplies.planned(dry) + (lint.findings().isEmpty() ? "" : "\n" + LintText.section(lint));
        ApprovalRequest req = new ApprovalRequest(key(requestKey), ApprovalKind.APPLY, t.name(), "apply " + cmd.version(),
                cmd.version(), null, null, null, null, user, details);
        Approval a = t.approvals().create(req);
        return new Requested(t, a, ApprovalMessages.request(a, new ApprovalRef(a.id(), cmd.env())));
    }

    /** Lints a stored plan again, with today's config and migrations, before anyone's approval counts. */
    LintReport planLint(Target t, Approval a) {
        LintReport lint = pilot(t.envArg(), SOURCE).lintPlan(a.fileName(), a.planSql());
        lint.refuseIfFailed(); // an incomplete lint never lets an approval through
        return lint;
    }

    /** Runs a change that {@code user} just approved (the caller won the conditional update). */
    Outcome runApproved(Target t, Approval a, String user) {
        Pilot pilot = pilot(t.envArg(), user);
        Pilot.Plan written = null;
        try {
            String to;
            if (a.kind() == ApprovalKind.PLAN) {
                if (!a.sqlMatchesChecksum()) {
                    throw PilotException.refused("approval #" + a.id() + ": the stored SQL no longer matches its checksum",
                            "request the change again; nothing was written");
                }
                to = version(a.fileName());
                requireNothingElsePending(pilot, t, to);
                Pilot.Plan plan = new Pilot.Plan(new Migration(a.migrationName(), a.planSql(), a.downSql(), a.requestText()), a.fileName());
                pilot.write(plan);
                written = plan;
            } else {
                to = "pending".equals(a.version()) ? null : a.version();
            }
            ApplyResult result = pilot.up(new UpOptions(to, false, false, false), ApplyListener.NONE);
            return new Outcome(true, StatusReplies.appliedLine(result), StatusReplies.appliedDetails(result), null);
        } catch (PilotException e) {
            String note = unwriteIfNeverRun(pilot, written);
            String text = Replies.problem(e.getMessage() + note, e.hint());
            return new Outcome(false, ":x: failed: " + Blocks.escape(e.getMessage()), text, e.getMessage());
        } catch (RuntimeException e) {
            // Still record the failure, so the approval does not stay "approved" with nothing run.
            String note = unwriteIfNeverRun(pilot, written);
            return new Outcome(false, ":x: failed: " + Blocks.escape(e.toString()), Replies.problem(e.toString() + note, "see the bot's log"), e.toString());
        }
    }

    /**
     * A plan whose apply was refused before it ran (lint gate, lock, pending checks) must not stay
     * behind as a pending file: it would block every later plan and look approved. A plan that ran
     * and failed keeps its file, because the history now records an attempt of it.
     */
    private static String unwriteIfNeverRun(Pilot pilot, Pilot.Plan plan) {
        if (plan == null) {
            return "";
        }
        String version = version(plan.fileName());
        try {
            if (pilot.history().stream().anyMatch(e -> version.equals(e.version()))) {
                return "";
            }
            java.nio.file.Path dir = pilot.workspace().migrationsDir();
            java.nio.file.Files.deleteIfExists(dir.resolve(plan.fileName()));
            java.nio.file.Files.deleteIfExists(pilot.downScriptOf(plan));
            return " (nothing ran; " + plan.fileName() + " was not kept)";
        } catch (PilotException | java.io.IOException e) {
            return " (" + plan.fileName() + " was written but may not have run: check `pgpilot status`)";
        }
    }

    /**
     * {@code up --to V} applies everything pending up to V, and a plan always gets the newest version;
     * approvers of one plan approved only that plan, so other pending migrations must go through
     * their own {@code /pgpilot apply} first.
     */
    private static void requireNothingElsePending(Pilot pilot, Target t, String version) {
        List<String> others = pilot.status().pending().stream().map(e -> e.version()).filter(v -> !v.equals(version)).toList();
        if (!others.isEmpty()) {
            throw PilotException.refused("other migrations are pending on " + t.name() + ": " + String.join(", ", others),
                    "apply them first with `/pgpilot apply pending" + (t.envArg() == null ? "" : " " + t.envArg()) + "`");
        }
    }

    private static String version(String fileName) {
        return dev.pgpilot.core.workspace.MigrationName.parse(fileName).version();
    }

    private static String key(String requestKey) {
        // Slack sends a new trigger id with every invocation; a retried delivery carries the same one.
        return requestKey == null || requestKey.isBlank() ? "slack:" + java.util.UUID.randomUUID() : "slack:" + requestKey;
    }
}
