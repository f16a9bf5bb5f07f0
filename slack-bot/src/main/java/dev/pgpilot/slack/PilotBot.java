package dev.pgpilot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.approval.ApprovalPolicy;
import dev.pgpilot.core.api.approval.ApprovalRef;
import dev.pgpilot.core.api.approval.ApprovalTarget;
import dev.pgpilot.core.api.approval.ApprovalWorkflow;
import dev.pgpilot.core.api.approval.Recovery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /pgpilot} and the Approve/Reject buttons. Every handler acks at once (Slack
 * gives three seconds) and does its work on {@link WorkQueues}; results go back through the
 * command's {@code response_url} or the Web API.
 */
public final class PilotBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PilotBot.class);
    static final String COMMAND = "/pgpilot";
    static final String SOURCE = "slack";

    private final BotSettings settings;
    private final ApprovalWorkflow workflow;
    private final WorkQueues queues = new WorkQueues();
    private final ApprovalHandler approvals;
    private final App app;

    public PilotBot(BotSettings settings) {
        this.settings = settings;
        this.workflow = new ApprovalWorkflow(new ApprovalWorkflow.Settings(settings.workdir(), settings.env(), SOURCE,
                new ApprovalPolicy(settings.approvers()), settings.approvalTtl(), Clock.systemUTC()));
        SlackConfig slackConfig = slackConfig(settings);
        this.approvals = new ApprovalHandler(workflow, new SlackPoster(Slack.getInstance(slackConfig).methods(settings.botToken())),
                queues, settings.auditChannel());
        this.app = new App(AppConfig.builder().slack(Slack.getInstance(slackConfig)).signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken()).build());
        app.command(COMMAND, (req, ctx) -> onCommand(req.getPayload(), ctx));
        app.blockAction(ApprovalMessages.APPROVE, (req, ctx) -> onApprove(req.getPayload(), ctx));
        app.blockAction(ApprovalMessages.REJECT, (req, ctx) -> onReject(req.getPayload(), ctx));
        app.viewSubmission(RejectReasonModal.CALLBACK, (req, ctx) -> onRejectReason(req.getPayload(), ctx));
    }

    private static SlackConfig slackConfig(BotSettings settings) {
        SlackConfig slackConfig = new SlackConfig();
        if (settings.apiUrl() != null) {
            slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/");
        }
        return slackConfig;
    }

    public App app() {
        return app;
    }

    private Response onCommand(SlashCommandPayload p, SlashCommandContext ctx) {
        Set<String> environments;
        try {
            environments = workflow.environmentNames();
        } catch (PilotException e) {
            return ctx.ack(r -> r.responseType("ephemeral").text(Replies.problem(e.getMessage(), e.hint())));
        }
        BotCommand cmd = BotCommand.parse(p.getText(), environments);
        if (cmd instanceof BotCommand.Help) {
            return ctx.ack(r -> r.responseType("ephemeral").blocks(Replies.help()).text("pgpilot commands"));
        }
        if (cmd instanceof BotCommand.Invalid invalid) {
            return ctx.ack(r -> r.responseType("ephemeral").text(Replies.problem(invalid.message(), invalid.hint())));
        }
        Reply reply = (blocks, text) -> respond(ctx, blocks, text);
        queues.read(() -> guarded(reply, () -> runCommand(cmd, p, reply)));
        return ctx.ack(r -> r.responseType("ephemeral").text(Replies.working(cmd)));
    }

    private void runCommand(BotCommand cmd, SlashCommandPayload p, Reply reply) {
        if (cmd instanceof BotCommand.FleetStatus) {
            // The same read as `pgpilot status --env all`: every environment on its own thread with its own deadline.
            Pilot all = new Pilot(new Pilot.Options(settings.workdir(), null, "all", SOURCE, p.getUserId()), Clock.systemUTC(), settings.env());
            reply.blocks(FleetStatusReplies.status(all.environmentMatrix()), "pgpilot status of every environment");
        } else if (cmd instanceof BotCommand.Status s) {
            ApprovalTarget t = workflow.target(s.env());
            reply.blocks(StatusReplies.status(t.name(), t.pilot().status()), "pgpilot status of " + t.name());
        } else if (cmd instanceof BotCommand.History h) {
            ApprovalTarget t = workflow.target(h.env());
            reply.blocks(StatusReplies.history(t.name(), t.pilot().history()), "pgpilot history of " + t.name());
        } else if (cmd instanceof BotCommand.Pending pe) {
            ApprovalTarget t = workflow.target(pe.env());
            reply.blocks(StatusReplies.pending(t.name(), workflow.pending(pe.env())), "pgpilot pending on " + t.name());
        } else if (cmd instanceof BotCommand.Plan || cmd instanceof BotCommand.Apply) {
            // Slack gives every invocation a new trigger id; a retried delivery carries the same one.
            approvals.request(cmd, p.getUserId(), p.getChannelId(), "slack:" + p.getTriggerId(), reply);
        } else if (cmd instanceof BotCommand.Cancel || cmd instanceof BotCommand.Reject) {
            approvals.typed(cmd, p.getUserId(), reply);
        }
    }

    private Response onApprove(BlockActionPayload p, ActionContext ctx) {
        Reply reply = (blocks, text) -> respond(ctx, blocks, text);
        String user = p.getUser().getId();
        String value = buttonValue(p);
        queues.read(() -> guarded(reply, () -> approvals.approve(ApprovalRef.decode(value), user, reply)));
        return ctx.ack();
    }

    private static String buttonValue(BlockActionPayload p) {
        return p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
    }

    /**
     * Reject asks for the reason first. Slack's trigger id is good for three seconds, so the form
     * is opened here, before the ack, not on a queue; nothing is decided until the form comes back.
     */
    private Response onReject(BlockActionPayload p, ActionContext ctx) {
        Reply reply = (blocks, text) -> respond(ctx, blocks, text);
        try {
            ApprovalRef ref = ApprovalRef.decode(buttonValue(p));
            if (!approvals.askRejectReason(ref, p.getTriggerId(), p.getResponseUrl())) {
                queues.read(() -> reply.problem("could not open the form for a reason, so nothing was rejected",
                        "type `/pgpilot reject " + ref.id().substring(0, 8) + " <reason>` instead; the bot's log has Slack's answer"));
            }
        } catch (PilotException e) {
            queues.read(() -> reply.problem(e.getMessage(), e.hint()));
        }
        return ctx.ack();
    }

    /** The reason form came back: an empty reason keeps it open with a note; otherwise the form closes and the rejection runs like a click. */
    private Response onRejectReason(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        RejectReasonModal.Submitted submitted;
        try {
            submitted = RejectReasonModal.submitted(p.getView());
        } catch (PilotException e) {
            return ctx.ackWithErrors(Map.of(RejectReasonModal.BLOCK, e.getMessage()));
        }
        if (submitted.reason().isEmpty()) {
            return ctx.ackWithErrors(Map.of(RejectReasonModal.BLOCK, "say why it is rejected, so the requester knows what to change"));
        }
        Reply reply = responseUrl(submitted.responseUrl());
        String user = p.getUser().getId();
        queues.read(() -> guarded(reply, () -> approvals.reject(submitted.ref(), user, submitted.reason(), reply)));
        return ctx.ack();
    }

    /** Answers through a click's response_url after its context is gone (the reject form carries the URL). */
    private Reply responseUrl(String url) {
        if (url == null) {
            return (blocks, text) -> LOG.warn("no response_url to answer a reject form with: {}", text);
        }
        Responder responder = new Responder(app.slack(), url);
        return (blocks, text) -> {
            try {
                responder.sendToAction(r -> r.responseType("ephemeral").replaceOriginal(false).blocks(blocks).text(SlackPoster.fit(text)));
            } catch (IOException e) {
                LOG.warn("could not answer through the reject form's response_url: {}", e.toString());
            }
        };
    }

    /** Whatever goes wrong reaches the person who asked, in words, and the log, with the stack. */
    private static void guarded(Reply reply, Runnable work) {
        try {
            work.run();
        } catch (PilotException e) {
            reply.problem(e.getMessage(), e.hint());
        } catch (RuntimeException e) {
            LOG.error("pgpilot failed handling a Slack request", e);
            reply.problem("pgpilot failed: " + e, "nothing was applied; the bot's log has the details");
        }
    }

    private static void respond(SlashCommandContext ctx, List<com.slack.api.model.block.LayoutBlock> blocks, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").blocks(blocks).text(SlackPoster.fit(text)));
        } catch (IOException e) {
            LOG.warn("could not answer through the command's response_url: {}", e.toString());
        }
    }

    private static void respond(ActionContext ctx, List<com.slack.api.model.block.LayoutBlock> blocks, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).blocks(blocks).text(SlackPoster.fit(text)));
        } catch (IOException e) {
            LOG.warn("could not answer through the click's response_url: {}", e.toString());
        }
    }

    /** On start: approvals a stopped bot left running are reconciled with the history and their messages updated. */
    Recovery.Report recover() {
        Recovery.Report report = workflow.recover();
        report.skipped().forEach(s -> LOG.warn("not checked for unfinished approvals: {}", s));
        approvals.recovered(report.finished());
        return report;
    }

    /** Marks timed-out requests expired and redraws their messages (the runner calls this every minute). */
    void expire() {
        approvals.expired(workflow.expireAll());
    }

    /**
     * Graceful stop: no new work, running applies get {@code grace} to finish; the ones still
     * running are logged and left "approved" for the next start to reconcile with the history.
     */
    List<Approval> stop(Duration grace) {
        List<Approval> unfinished = queues.stop(grace);
        unfinished.forEach(a -> LOG.warn("stopping while approval {} is still applying on {}; the next start reconciles it", a.id(), a.environment()));
        return unfinished;
    }

    @Override
    public void close() {
        queues.shutdownNow();
        app.stop();
    }

    BotSettings settings() {
        return settings;
    }
}
