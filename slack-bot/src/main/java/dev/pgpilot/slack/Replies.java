package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Short replies that do not depend on a database: help, problems, "working on it". */
final class Replies {
    private Replies() {}

    /** A {@code PilotException} (or a refusal) the same way the shell prints it: message, then hint. */
    static String problem(String message, String hint) {
        return ":warning: " + Blocks.escape(message) + (hint == null || hint.isBlank() ? "" : "\n_hint:_ " + hint);
    }

    static List<LayoutBlock> help() {
        return List.of(Blocks.text("*pgpilot* — migrations for PostgreSQL/Supabase, with approvals\n"
                + "• `/pgpilot status [env]` — applied, pending and modified migrations\n"
                + "• `/pgpilot plan &lt;plain English&gt; [env]` — plan a migration; it is written and applied only after someone approves it\n"
                + "• `/pgpilot apply &lt;version|pending&gt; [env]` — ask for approval to apply migrations already in the repository\n"
                + "• `/pgpilot history [env]` — what ran, when, by whom\n"
                + "• `/pgpilot help` — this message\n"
                + "_Without an environment the project's default target is used._"));
    }

    static String working(BotCommand cmd) {
        if (cmd instanceof BotCommand.Plan p) {
            return ":mag: planning “" + Blocks.escape(p.request()) + "”…";
        }
        if (cmd instanceof BotCommand.Apply a) {
            return ":mag: checking what `" + a.version() + "` would apply…";
        }
        return ":hourglass_flowing_sand: reading the database…";
    }
}
