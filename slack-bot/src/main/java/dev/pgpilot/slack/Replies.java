package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.api.model.EnvironmentMatrix;
import java.util.List;
import java.util.regex.Pattern;

/** Short replies that do not depend on a database: help, problems, "working on it". */
final class Replies {
    /** A command-line flag such as {@code --allow-out-of-order}: nobody in Slack can pass one. */
    private static final Pattern CLI_FLAG = Pattern.compile("(^|[\\s`(])--[a-z]");

    private Replies() {}

    /**
     * A {@code PilotException} (or a refusal) the way the shell prints it: message, then hint. Core's
     * hints are written for the command line; one naming a flag is replaced by what a Slack user can do.
     */
    static String problem(String message, String hint) {
        String shown = hint == null || hint.isBlank() ? null
                : CLI_FLAG.matcher(hint).find() ? "this needs someone with a shell in the bot's project folder; `/pgpilot status` shows the state"
                : hint;
        return ":warning: " + Mrkdwn.escape(message) + (shown == null ? "" : "\n_hint:_ " + Mrkdwn.escape(shown));
    }

    static List<LayoutBlock> help() {
        return List.of(Sections.text("*pgpilot* — migrations for PostgreSQL/Supabase, with approvals\n"
                + "• `/pgpilot status [env]` — applied, pending and modified migrations\n"
                + "• `/pgpilot status all` — every environment side by side: who is behind whom, which cannot be reached\n"
                + "• `/pgpilot plan &lt;plain English&gt; [env]` — plan a migration; it is written and applied only after someone approves it\n"
                + "• `/pgpilot apply &lt;version|pending&gt; [env]` — ask for approval to apply migrations already in the repository\n"
                + "• `/pgpilot pending [env]` — the requests waiting for a decision\n"
                + "• `/pgpilot cancel &lt;id&gt;` — withdraw your request\n"
                + "• `/pgpilot reject &lt;id&gt; &lt;reason&gt;` — reject a request, saying why\n"
                + "• `/pgpilot history [env]` — what ran, when, by whom\n"
                + "• `/pgpilot help` — this message\n"
                + "_Without an environment the project's default target is used._"));
    }

    static String working(BotCommand cmd) {
        if (cmd instanceof BotCommand.Plan p) {
            return ":mag: planning “" + Mrkdwn.escape(p.request()) + "”…";
        }
        if (cmd instanceof BotCommand.Apply a) {
            return ":mag: checking what " + Mrkdwn.code(a.version()) + " would apply…";
        }
        if (cmd instanceof BotCommand.Cancel || cmd instanceof BotCommand.Reject) {
            return ":hourglass_flowing_sand: looking up the request…";
        }
        if (cmd instanceof BotCommand.FleetStatus) {
            return ":hourglass_flowing_sand: reading every environment at once (each gets " + EnvironmentMatrix.ANSWER_WITHIN_SECONDS + " s to answer)…";
        }
        return ":hourglass_flowing_sand: reading the database…";
    }
}
