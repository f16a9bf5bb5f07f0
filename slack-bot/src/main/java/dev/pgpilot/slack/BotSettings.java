package dev.pgpilot.slack;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.approval.ApprovalPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the bot reads from the environment. Tokens are only held, never printed.
 *
 * @param workdir        project folder (migrations and pgpilot.yaml)
 * @param signingSecret  {@code SLACK_SIGNING_SECRET}: verifies every HTTP request came from Slack
 * @param botToken       {@code SLACK_BOT_TOKEN} (xoxb-...): Web API calls
 * @param appToken       {@code SLACK_APP_TOKEN} (xapp-...): Socket Mode instead of HTTP when set
 * @param apiUrl         {@code SLACK_API_URL}: Web API base URL for proxies and tests (null: slack.com)
 * @param approvers      {@code PGPILOT_SLACK_APPROVERS}: replaces the configured approvers when set
 * @param auditChannel   {@code PGPILOT_SLACK_AUDIT_CHANNEL}: a channel id that gets one line per request, decision and outcome (null: none)
 * @param approvalTtl    {@code PGPILOT_SLACK_APPROVAL_TTL_HOURS}: how long a request waits for a decision (default 24 h)
 * @param shutdownGrace  {@code PGPILOT_SLACK_SHUTDOWN_GRACE_SECONDS}: how long a stop waits for running applies (default 30 s)
 * @param env            the whole process environment, for database URLs of environments
 */
public record BotSettings(Path workdir, String signingSecret, String botToken, String appToken, String apiUrl,
                          String approvers, String auditChannel, Duration approvalTtl, Duration shutdownGrace,
                          Map<String, String> env) {

    public static BotSettings from(Path workdir, Map<String, String> env) {
        return new BotSettings(workdir, blankToNull(env.get("SLACK_SIGNING_SECRET")), blankToNull(env.get("SLACK_BOT_TOKEN")),
                blankToNull(env.get("SLACK_APP_TOKEN")), blankToNull(env.get("SLACK_API_URL")),
                blankToNull(env.get(ApprovalPolicy.APPROVERS_VARIABLE)), blankToNull(env.get("PGPILOT_SLACK_AUDIT_CHANNEL")),
                Duration.ofHours(number(env, "PGPILOT_SLACK_APPROVAL_TTL_HOURS", 24)),
                Duration.ofSeconds(number(env, "PGPILOT_SLACK_SHUTDOWN_GRACE_SECONDS", 30)), Map.copyOf(env));
    }

    public boolean socketMode() {
        return appToken != null;
    }

    /** Refuses to start without the secrets the chosen mode needs, naming the missing variable. */
    public void requireComplete() {
        if (botToken == null) {
            throw PilotException.error("SLACK_BOT_TOKEN is not set",
                    "copy the Bot User OAuth Token (xoxb-...) from your Slack app's OAuth & Permissions page");
        }
        if (!socketMode() && signingSecret == null) {
            throw PilotException.error("SLACK_SIGNING_SECRET is not set",
                    "copy the Signing Secret from your Slack app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)");
        }
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the variable named
        }
        throw PilotException.error(name + " must be a whole number above 0, got: " + v, "unset it for the default (" + fallback + ")");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
