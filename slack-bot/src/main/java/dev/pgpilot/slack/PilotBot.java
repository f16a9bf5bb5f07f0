package dev.pgpilot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.approval.Approval;
import dev.pgpilot.core.approval.ApprovalKind;
import dev.pgpilot.core.approval.ApprovalPolicy;
import dev.pgpilot.core.approval.ApprovalStatus;
import dev.pgpilot.core.lint.LintReport;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Bolt app: {@code /pgpilot} and the Approve/Reject buttons. Every handler acks at once (Slack
 * gives three seconds) and does its database work on {@link #work}; results go back through the
 * command's {@code response_url} or {@code chat.postMessage}/{@code chat.update}.
 */
public final class PilotBot implements AutoCloseable {
    static final String COMMAND = "/pgpilot";

    private final BotSettings settings;
    private final BotActions actions;
    private final ApprovalPolicy policy;
    private final App app;
    private final ExecutorService work = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pgpilot-slack-work");
        t.setDaemon(true);
        return t;
    });

    public PilotBot(BotSettings settings) {
        this.settings = settings;
        this.actions = new BotActions(settings);
        this.policy = new ApprovalPolicy(settings.approvers());
        this.app = new App(appConfig(settings));
        app.command(COMMAND, (req, ctx) -> onCommand(req.getPayload(), ctx));
        app.blockAction(ApprovalMessages.APPROVE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            work.submit(() -> decide(p, ctx, true));
            return ctx.ack();
        });
        app.blockAction(ApprovalMessages.REJECT, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            work.submit(() -> decide(p, ctx, false));
            return ctx.ack();
        });
    }

    static AppConfig appConfig(BotSettings settings) {
        SlackConfig slackConfig = new SlackConfig();
        if (settings.apiUrl() != null) {
            String prefix = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
            slackConfig.setMethodsEndpointUrlPrefix(prefix);
        }
        return AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .build();
    }

    public App app() {
        return app;
    }

    private com.slack.api.bolt.response.Response onCommand(SlashCommandPayload p, SlashCommandContext ctx) {
        BotCommand cmd = BotCommand.parse(p.getText(), actions.environmentNames());
        if (cmd instanceof BotCommand.Help) {
            return ctx.ack(r -> r.responseType("ephemeral").blocks(Replies.help()).text("pgpilot commands"));
        }
        if (cmd instanceof BotCommand.Invalid invalid) {
            return ctx.ack(r -> r.responseType("ephemeral").text(Replies.problem(invalid.message(), invalid.hint())));
        }
        work.submit(() -> runCommand(cmd, p, ctx));
        return ctx.ack(r -> r.responseType("ephemeral").text(Replies.working(cmd)));
    }

    private void runCommand(BotCommand cmd, SlashCommandPayload p, SlashCommandContext ctx) {
        try {
            if (cmd instanceof BotCommand.Status s) {
                respond(ctx, actions.status(s.env()));
            } else if (cmd instanceof BotCommand.History h) {
                respond(ctx, actions.history(h.env()));
            } else if (cmd instanceof BotCommand.Plan plan) {
                BotActions.Requested r = actions.requestPlan(plan, p.getUserId(), p.getTriggerId());
                post(ctx, p.getChannelId(), r);
            } else if (cmd instanceof BotCommand.Apply apply) {
                BotActions.Requested r = actions.requestApply(apply, p.getUserId(), p.getTriggerId());
                post(ctx, p.getChannelId(), r);
            }
        } catch (PilotException e) {
            respondProblem(ctx, e.getMessage(), e.hint());
        } catch (RuntimeException | IOException e) {
            respondProblem(ctx, "pgpilot failed: " + e, "nothing was applied; see the bot's log");
        }
    }

    /** Posts the approval request to the channel so everyone sees it, and remembers where it is. */
    private void post(SlashCommandContext ctx, String channel, BotActions.Requested r) throws IOException {
        try {
            ChatPostMessageResponse posted = ctx.client().chatPostMessage(m -> m.channel(channel)
                    .text(ApprovalMessages.summary(r.approval())).blocks(r.blocks()));
            if (!posted.isOk()) {
                respondProblem(ctx, "could not post the approval request: " + posted.getError(),
                        "invite the bot to this channel (`/invite @pgpilot`); the request #" + r.approval().id() + " is stored and still pending");
                return;
            }
            r.target().approvals().attachMessage(r.approval().id(), posted.getChannel(), posted.getTs());
        } catch (com.slack.api.methods.SlackApiException e) {
            respondProblem(ctx, "could not post the approval request: " + e.getMessage(), "check SLACK_BOT_TOKEN and the chat:write scope");
        }
    }

    private void decide(BlockActionPayload p, ActionContext ctx, boolean approve) {
        String user = p.getUser().getId();
        try {
            ApprovalRef ref = ApprovalRef.decode(p.getActions().get(0).getValue());
            BotActions.Target target = actions.target(ref.env());
            Optional<Approval> found = target.approvals().find(ref.id());
            if (found.isEmpty()) {
                ephemeral(ctx, Replies.problem("approval #" + ref.id() + " does not exist in " + target.name(), "request the change again"));
                return;
            }
            Approval approval = found.get();
            ApprovalPolicy.Verdict verdict = approve ? policy.mayApprove(approval, user, target.environment())
                    : policy.mayReject(approval, user, target.environment());
            if (!verdict.allowed()) {
                ephemeral(ctx, Replies.problem(verdict.reason(), verdict.hint()));
                return;
            }
            String channel = p.getChannel() != null ? p.getChannel().getId() : approval.slackChannel();
            String ts = p.getMessage() != null ? p.getMessage().getTs() : approval.slackTs();
            if (approve && approval.kind() == ApprovalKind.PLAN && approval.status() == ApprovalStatus.PENDING) {
                // Linted again now (config and migrations may have changed since the request); errors
                // refuse the approval and the request stays pending, so nothing is written or applied.
                LintReport lint = actions.planLint(target, approval);
                if (lint.hasErrors()) {
                    thread(ctx, channel, ts, LintText.refusal(approval.id(), approval.fileName(), lint));
                    return;
                }
            }
            Optional<Approval> won = target.approvals().decide(approval.id(), user, approve, approve ? null : "rejected in Slack");
            if (won.isEmpty()) {
                Approval now = target.approvals().find(approval.id()).orElse(approval);
                ephemeral(ctx, Replies.problem("approval #" + now.id() + " was already decided: " + now.status().dbValue(),
                        (now.decidedBy() == null ? "" : "decided by " + Blocks.user(now.decidedBy()) + "; ") + "nothing runs twice"));
                return;
            }
            Approval decided = won.get();
            if (!approve) {
                update(ctx, channel, ts, decided, ApprovalMessages.decided(decided, "Nothing was applied."));
                return;
            }
            update(ctx, channel, ts, decided, ApprovalMessages.decided(decided, ":hourglass_flowing_sand: applying…"));
            BotActions.Outcome outcome = actions.runApproved(target, decided, user);
            Approval finished = target.approvals().finish(decided.id(), outcome.success(), outcome.error())
                    .orElse(decided);
            update(ctx, channel, ts, finished, ApprovalMessages.decided(finished, outcome.summary()));
            thread(ctx, channel, ts, outcome.details());
        } catch (PilotException e) {
            ephemeral(ctx, Replies.problem(e.getMessage(), e.hint()));
        } catch (RuntimeException e) {
            ephemeral(ctx, Replies.problem("pgpilot failed: " + e, "see the bot's log"));
        }
    }

    private void update(ActionContext ctx, String channel, String ts, Approval a, List<LayoutBlock> blocks) {
        if (channel == null || ts == null) {
            return;
        }
        try {
            ctx.client().chatUpdate(u -> u.channel(channel).ts(ts).text(ApprovalMessages.summary(a)).blocks(blocks));
        } catch (IOException | com.slack.api.methods.SlackApiException e) {
            ephemeral(ctx, Replies.problem("could not update the approval message: " + e.getMessage(),
                    "approval #" + a.id() + " is " + a.status().dbValue()));
        }
    }

    private void thread(ActionContext ctx, String channel, String ts, String text) {
        if (channel == null || text == null) {
            return;
        }
        try {
            ctx.client().chatPostMessage(m -> m.channel(channel).threadTs(ts).text(text));
        } catch (IOException | com.slack.api.methods.SlackApiException e) {
            ephemeral(ctx, text);
        }
    }

    private static void ephemeral(ActionContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (IOException ignored) {
            // Slack is unreachable: there is nobody left to tell.
        }
    }

    private static void respond(SlashCommandContext ctx, List<LayoutBlock> blocks) throws IOException {
        ctx.respond(r -> r.responseType("ephemeral").blocks(blocks).text("pgpilot"));
    }

    private static void respondProblem(SlashCommandContext ctx, String message, String hint) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").text(Replies.problem(message, hint)));
        } catch (IOException ignored) {
            // Slack is unreachable: there is nobody left to tell.
        }
    }

    /** Lets running work finish (tests, shutdown). */
    boolean awaitIdle(long millis) throws InterruptedException {
        work.shutdown();
        return work.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        work.shutdownNow();
        app.stop();
    }

    BotSettings settings() {
        return settings;
    }
}
