package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.approval.ApprovalRef;
import dev.pgpilot.core.api.approval.ApprovalWorkflow;
import dev.pgpilot.core.api.approval.Decision;
import dev.pgpilot.core.api.approval.Outcome;
import dev.pgpilot.core.api.approval.Requested;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's side of an approval: posts the request (with its whole SQL attached in the thread),
 * forwards clicks and typed decisions to the core workflow, queues approved runs, and keeps the
 * message, its thread, the requester and the audit channel told how it went. No migration logic:
 * every decision is {@link ApprovalWorkflow}'s.
 */
final class ApprovalHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalHandler.class);

    private final ApprovalWorkflow workflow;
    private final SlackPoster slack;
    private final WorkQueues queues;
    private final String auditChannel;

    ApprovalHandler(ApprovalWorkflow workflow, SlackPoster slack, WorkQueues queues, String auditChannel) {
        this.workflow = workflow;
        this.slack = slack;
        this.queues = queues;
        this.auditChannel = auditChannel;
    }

    /** {@code /pgpilot plan} and {@code /pgpilot apply}: stored first, then posted once (a retried delivery is not posted again). */
    void request(BotCommand cmd, String user, String channel, String requestKey, Reply reply) {
        Requested r = cmd instanceof BotCommand.Plan p ? workflow.requestPlan(p.env(), p.request(), user, requestKey)
                : workflow.requestApply(((BotCommand.Apply) cmd).env(), ((BotCommand.Apply) cmd).version(), user, requestKey);
        if (!r.stored()) {
            LOG.info("request {} arrived again (a retry); approval {} is not posted twice", requestKey, r.approval().id());
            return;
        }
        announce(r, channel, reply);
    }

    /** Posts a stored request, remembers the message, and attaches the whole SQL in its thread. */
    private void announce(Requested r, String channel, Reply reply) {
        Approval a = r.approval();
        LOG.info("approval {} requested by {} on {}: {}", a.id(), a.requestedBy(), a.environment(), a.requestText());
        ApprovalRef ref = ApprovalRef.of(a, r.target());
        Optional<SlackPoster.Posted> posted = slack.post(channel, null, ApprovalMessages.summary(a), ApprovalMessages.render(a, ref, r.approvers()));
        if (posted.isEmpty()) {
            reply.problem("could not post the approval request " + a.shortId() + " in this channel; it is stored and still pending",
                    "invite the bot to the channel (`/invite @pgpilot`) and ask again; the bot's log has Slack's answer");
            return;
        }
        r.target().store().attachMessage(a.id(), posted.get().channel(), posted.get().ts());
        // before the upload, which is slow: a decision can come while it runs, and the audit line of the request goes first
        audit(a, "requested by " + Mrkdwn.user(a.requestedBy()));
        attachFullSql(a, posted.get());
    }

    /** The whole SQL as a file in the thread; if Slack refuses the upload, as code blocks in the thread instead. */
    private void attachFullSql(Approval a, SlackPoster.Posted at) {
        String sql = FullSql.text(a);
        if (slack.upload(at.channel(), at.ts(), FullSql.fileName(a), "Everything approval " + a.shortId() + " runs", sql)) {
            return;
        }
        for (List<LayoutBlock> message : SqlChunks.messages(sql)) {
            slack.post(at.channel(), at.ts(), "SQL of approval " + a.shortId(), message);
        }
    }

    /** A click on Approve. */
    void approve(ApprovalRef ref, String user, Reply reply) {
        render(workflow.decide(ref, user, true, null), user, reply);
    }

    /** A click on Reject: opens the form asking why; false when Slack would not open it. */
    boolean askRejectReason(ApprovalRef ref, String triggerId, String responseUrl) {
        return slack.openModal(triggerId, RejectReasonModal.view(ref, responseUrl));
    }

    /** The reject form submitted with its reason. */
    void reject(ApprovalRef ref, String user, String reason, Reply reply) {
        render(workflow.decide(ref, user, false, reason), user, reply);
    }

    /** {@code /pgpilot cancel} and {@code /pgpilot reject}: the id was typed, so it is looked up in every environment. */
    void typed(BotCommand cmd, String user, Reply reply) {
        ApprovalRef ref = new ApprovalRef(cmd instanceof BotCommand.Cancel c ? c.id() : ((BotCommand.Reject) cmd).id(), null, null);
        Decision d = cmd instanceof BotCommand.Reject r ? workflow.decide(ref, user, false, r.reason()) : workflow.cancel(ref, user);
        render(d, user, reply);
    }

    private void render(Decision d, String user, Reply reply) {
        if (d instanceof Decision.NotFound nf) {
            reply.problem(nf.message(), nf.hint());
        } else if (d instanceof Decision.Refused r) {
            reply.problem(r.message(), r.hint());
        } else if (d instanceof Decision.AlreadyDecided ad) {
            Approval a = ad.approval();
            reply.problem("approval " + a.shortId() + " was already decided: " + a.status().dbValue()
                    + (a.decidedBy() == null ? "" : " by " + a.decidedBy()), "nothing runs twice; ask again for a new request");
        } else if (d instanceof Decision.Expired e) {
            expired(List.of(e.approval()));
            reply.problem("approval " + e.approval().shortId() + " expired before it was approved; nothing was applied", "ask for the change again");
        } else if (d instanceof Decision.LintBlocked lb) {
            slack.post(lb.approval().slackChannel(), lb.approval().slackTs(), "not approved: lint errors",
                    List.of(Sections.text(LintText.refusal(lb.approval(), lb.lint()))));
            reply.problem("not approved: approval " + lb.approval().shortId() + " has lint errors today (listed in its thread)",
                    "nothing was written or applied; the request stays pending");
        } else if (d instanceof Decision.Changed c) {
            superseded(c.stale(), c.differences(), c.fresh(), c.freshFailure(), reply);
        } else if (d instanceof Decision.Rejected r) {
            ended(r.approval(), "rejected by " + Mrkdwn.user(user) + (r.approval().reason() == null ? "" : ": " + Mrkdwn.escape(r.approval().reason())));
        } else if (d instanceof Decision.Cancelled c) {
            ended(c.approval(), "cancelled by " + Mrkdwn.user(user));
        } else if (d instanceof Decision.Approved ap) {
            Approval a = ap.approval();
            LOG.info("approval {} approved by {}; queued on {}", a.id(), user, a.environment());
            refresh(a);
            audit(a, "approved by " + Mrkdwn.user(user));
            queues.apply(a.environment(), a, () -> run(a, reply));
        }
    }

    private void run(Approval a, Reply reply) {
        Outcome o = workflow.run(a);
        if (o instanceof Outcome.Applied ap) {
            LOG.info("approval {} applied: {}", a.id(), ap.approval().outcome());
            ended(ap.approval(), ":rocket: " + Mrkdwn.escape(StatusReplies.appliedDetails(ap.result()))
                    + (ap.commit() == null ? "" : "\n" + Mrkdwn.escape(ap.commit())));
        } else if (o instanceof Outcome.Failed f) {
            LOG.warn("approval {} failed: {}", a.id(), f.approval().outcome());
            ended(f.approval(), Replies.problem(f.message() + (f.cleanup() == null ? "" : " (" + f.cleanup() + ")"), f.hint()));
        } else if (o instanceof Outcome.Changed c) {
            superseded(c.approval(), c.differences(), c.fresh(), c.freshFailure(), reply);
        }
    }

    /** "Changed since you saw it": the old message says so, and the fresh request is posted as a new one. */
    private void superseded(Approval stale, List<String> differences, Requested fresh, RuntimeException failure, Reply reply) {
        LOG.info("approval {} is stale: {}", stale.id(), differences);
        refresh(stale);
        String why = "approval " + stale.shortId() + " changed since it was shown, so nothing ran:\n• "
                + String.join("\n• ", differences.stream().map(Mrkdwn::escape).toList());
        if (fresh != null) {
            slack.post(stale.slackChannel(), stale.slackTs(), "changed since it was shown", List.of(Sections.text(":warning: " + why
                    + "\nA fresh request for the same change is posted in the channel; " + Mrkdwn.user(stale.requestedBy()) + " please have it approved again.")));
            if (fresh.stored()) {
                announce(fresh, stale.slackChannel(), reply);
            }
        } else {
            slack.post(stale.slackChannel(), stale.slackTs(), "changed since it was shown", List.of(Sections.text(":warning: " + why
                    + "\nA fresh request could not be made: " + Mrkdwn.escape(failure == null ? "unknown reason" : failure.getMessage()))));
        }
        audit(stale, "stale: " + Mrkdwn.escape(String.join("; ", differences)));
    }

    /** The message redrawn for its new state, the requester told in the thread, the audit channel told. */
    private void ended(Approval a, String detail) {
        refresh(a);
        slack.post(a.slackChannel(), a.slackTs(), "approval " + a.shortId() + " " + a.status().dbValue(),
                List.of(Sections.text(Mrkdwn.user(a.requestedBy()) + " approval `" + a.shortId() + "` is *" + a.status().dbValue() + "*\n" + detail)));
        audit(a, auditLine(a));
    }

    /** How it ended, for the audit channel: who decided, the reason given, or what the run did. */
    private static String auditLine(Approval a) {
        String by = a.decidedBy() == null ? "" : " by " + Mrkdwn.user(a.decidedBy());
        return switch (a.status()) {
            case REJECTED -> "rejected" + by + (a.reason() == null ? "" : ": " + Mrkdwn.escape(a.reason()));
            case CANCELLED -> "cancelled" + by;
            case EXPIRED -> "expired: nobody decided it before " + Mrkdwn.when(a.expiresAt());
            case APPLIED, FAILED, INTERRUPTED, STALE -> a.status().dbValue() + (a.outcome() == null ? "" : ": " + Mrkdwn.escape(a.outcome()));
            case PENDING, APPROVED -> a.status().dbValue();
        };
    }

    /** Redraws an approval's message from its stored row. */
    void refresh(Approval a) {
        slack.update(a.slackChannel(), a.slackTs(), ApprovalMessages.summary(a), ApprovalMessages.render(a, new ApprovalRef(a.id(), a.envArg(), ""), Set.of()));
    }

    /** After a restart: approvals the stopped bot left running, now reconciled with the history. */
    void recovered(List<Approval> finished) {
        for (Approval a : finished) {
            LOG.warn("approval {} was left running by a stopped bot: {}", a.id(), a.outcome());
            ended(a, ":warning: " + Mrkdwn.escape(a.outcome()));
        }
    }

    /** Requests nobody decided in time: each message redrawn, its requester told in the thread, the audit channel told. */
    void expired(List<Approval> expired) {
        expired.forEach(a -> {
            LOG.info("approval {} expired", a.id());
            ended(a, "nobody decided it before " + Mrkdwn.when(a.expiresAt()) + "; nothing was applied. Ask again if it is still wanted.");
        });
    }

    private void audit(Approval a, String event) {
        if (auditChannel != null) {
            slack.post(auditChannel, null, "pgpilot audit", List.of(Sections.text("`" + a.shortId() + "` " + a.kind().dbValue() + " on `"
                    + a.environment() + "` (" + Mrkdwn.escape(a.requestText()) + "): " + event)));
        }
    }
}
