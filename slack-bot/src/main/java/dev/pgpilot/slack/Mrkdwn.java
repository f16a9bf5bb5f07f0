package dev.pgpilot.slack;

/**
 * Slack's text markup in both directions. Slack reads {@code & < >} as markup ({@code <!channel>}
 * pings everyone, {@code <https://x|harmless>} shows "harmless" and hides the address), so every
 * text the bot did not write itself is escaped on the way out; and Slack escapes exactly those three
 * characters in what people type, so commands are decoded on the way in ({@code R&amp;D} is R&D).
 */
final class Mrkdwn {
    private Mrkdwn() {}

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Slack's entities back to characters; {@code &amp;} last, so {@code &amp;lt;} stays the text "&lt;". */
    static String decode(String text) {
        return text == null ? null : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Inline code: escaped, and backticks (which would end it) shown as look-alikes. */
    static String code(String text) {
        return "`" + escape(text).replace('`', 'ˋ') + "`";
    }

    /** Slack's user mention; ids come from Slack or from pgpilot.yaml, and are checked to be ids. */
    static String user(String id) {
        return id != null && id.matches("[UW][A-Z0-9]+") ? "<@" + id + ">" : escape(id == null ? "?" : id);
    }

    /** A date Slack renders in each reader's time zone, with a plain fallback. */
    static String when(java.time.Instant t) {
        if (t == null) {
            return "";
        }
        return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ">";
    }
}
