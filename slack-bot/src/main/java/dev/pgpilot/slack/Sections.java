package dev.pgpilot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

/**
 * Section blocks that fit Slack's size limits: mrkdwn text cut at 3000 characters (never mid-entity),
 * SQL in a code block with a note saying where the rest is. Not named Blocks: Bolt's
 * {@code com.slack.api.model.block.Blocks} is the Block Kit DSL.
 */
final class Sections {
    /** Slack rejects a section whose text is longer than 3000 characters. */
    static final int SECTION_LIMIT = 3000;
    /** Room left for the SQL code block after the fences and the note saying where the rest is. */
    static final int CODE_LIMIT = 2600;

    private Sections() {}

    /** A section of mrkdwn the caller built (dynamic parts already escaped), cut to fit as a last resort. */
    static LayoutBlock text(String mrkdwn) {
        String t = mrkdwn;
        if (t.length() > SECTION_LIMIT) {
            t = t.substring(0, SECTION_LIMIT - 1);
            int entity = t.lastIndexOf('&');
            if (entity > t.length() - 6 && t.indexOf(';', entity) < 0) {
                t = t.substring(0, entity); // never leave half an entity such as "&am"
            }
            t = t + "…";
        }
        return SectionBlock.builder().text(markdownText(t)).build();
    }

    /**
     * SQL in a code block, escaped, cut at a line boundary when it would not fit, saying how much was
     * left out and where the whole text is, so nobody approves SQL they think they have read in full.
     */
    static String code(String sql, String whereInFull) {
        String body = Mrkdwn.escape(sql == null ? "" : sql.strip()).replace("```", "`\u200b``");
        if (body.length() <= CODE_LIMIT) {
            return "```\n" + body + "\n```";
        }
        int cut = body.lastIndexOf('\n', CODE_LIMIT);
        if (cut < CODE_LIMIT / 2) {
            cut = CODE_LIMIT;
            int entity = body.lastIndexOf('&', cut);
            if (entity > cut - 5 && body.indexOf(';', entity) >= cut) {
                cut = entity; // never split an escaped character such as "&lt;"
            }
        }
        long moreLines = body.substring(cut).lines().filter(l -> !l.isBlank()).count();
        return "```\n" + body.substring(0, cut) + "\n```\n_… " + moreLines + " more line" + (moreLines == 1 ? "" : "s")
                + " not shown (" + sql.strip().length() + " characters in all); " + whereInFull + "_";
    }
}
