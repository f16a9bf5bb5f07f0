package dev.pgpilot.slack;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.approval.ApprovalPolicy;
import java.nio.file.Path;
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
 * @param env            the whole process environment, for database URLs of environments
 */
public record BotSettings(Path workdir, String signingSecret, String botToken, String appToken, String apiUrl,
                          String approvers, Map<String, String> env) {

    public static BotSettings from(Path workdir, Map<String, String> env) {
        return new BotSettings(workdir, blankToNull(env.get("SLACK_SIGNING_SECRET")), blankToNull(env.get("SLACK_BOT_TOKEN")),
                blankToNull(env.get("SLACK_APP_TOKEN")), blankToNull(env.get("SLACK_API_URL")),
                blankToNull(env.get(ApprovalPolicy.APPROVERS_VARIABLE)), Map.copyOf(env));
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
