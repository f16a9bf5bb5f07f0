package dev.pgpilot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

/** Small helpers over Bolt's Block Kit builders, and Slack's size limits. */
final class Blocks {
    /** Slack rejects a section whose text is longer than 3000 characters. */
    static final int SECTION_LIMIT = 3000;
    /** Room left for the SQL code block after the fences and the truncation note. */
    static final int CODE_LIMIT = 2600;

    private Blocks() {}

    static LayoutBlock text(String mrkdwn) {
        String t = mrkdwn.length() > SECTION_LIMIT ? mrkdwn.substring(0, SECTION_LIMIT - 1) + "…" : mrkdwn;
        return SectionBlock.builder().text(markdownText(t)).build();
    }

    /**
     * SQL in a code block, cut at a line boundary when it would not fit, saying how much was left
     * out and where the whole text is, so nobody approves SQL they think they have read in full.
     */
    static String code(String sql, String whereInFull) {
        String body = sql == null ? "" : sql.strip().replace("```", "`\u200b``");
        if (body.length() <= CODE_LIMIT) {
            return "```\n" + body + "\n```";
        }
        int cut = body.lastIndexOf('\n', CODE_LIMIT);
        if (cut < CODE_LIMIT / 2) {
            cut = CODE_LIMIT;
        }
        long moreLines = body.substring(cut).lines().filter(l -> !l.isBlank()).count();
        return "```\n" + body.substring(0, cut) + "\n```\n_… " + moreLines + " more line" + (moreLines == 1 ? "" : "s")
                + " not shown (" + body.length() + " characters in all); " + whereInFull + "_";
    }

    /** Slack reads {@code < > &} as markup; user text must not become links or mentions. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Slack's user mention. */
    static String user(String id) {
        return "<@" + id + ">";
    }

    /** A date Slack renders in each reader's time zone, with a plain fallback. */
    static String when(java.time.Instant t) {
        if (t == null) {
            return "";
        }
        return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ">";
    }
}
