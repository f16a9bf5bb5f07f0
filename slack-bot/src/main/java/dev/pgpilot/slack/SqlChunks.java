package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Long SQL as a series of thread messages when a file cannot be attached: code sections within
 * Slack's 3,000 characters each, a dozen per message so no message nears 40,000 characters, and
 * every line of the SQL in exactly one of them, in order.
 */
final class SqlChunks {
    /** Escaped SQL per section, leaving room for the fences. */
    static final int SECTION_BODY = Sections.SECTION_LIMIT - 20;
    static final int SECTIONS_PER_MESSAGE = 12;

    private SqlChunks() {}

    static List<List<LayoutBlock>> messages(String sql) {
        List<String> sections = sections(Mrkdwn.escape(sql).replace("```", "`\u200b``"));
        List<List<LayoutBlock>> messages = new ArrayList<>();
        for (int i = 0; i < sections.size(); i += SECTIONS_PER_MESSAGE) {
            List<LayoutBlock> blocks = new ArrayList<>();
            for (String s : sections.subList(i, Math.min(sections.size(), i + SECTIONS_PER_MESSAGE))) {
                blocks.add(Sections.text("```\n" + s + "\n```"));
            }
            messages.add(blocks);
        }
        return messages;
    }

    private static List<String> sections(String escaped) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            for (String piece : pieces(line)) {
                if (current.length() > 0 && current.length() + 1 + piece.length() > SECTION_BODY) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.length() == 0 ? "" : "\n").append(piece);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** A line longer than a section, cut where no escaped character (such as "&lt;") is split. */
    private static List<String> pieces(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > SECTION_BODY) {
            int cut = SECTION_BODY;
            int entity = rest.lastIndexOf('&', cut);
            if (entity > cut - 5 && rest.indexOf(';', entity) >= cut) {
                cut = entity;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        out.add(rest);
        return out;
    }
}
