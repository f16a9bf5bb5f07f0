package dev.pgpilot.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the text after {@code /pgpilot} asks for. Parsing only; nothing here touches a database. */
public sealed interface BotCommand {
    /** Plain text: it reaches Slack as a hint, which is escaped on the way out (pre-escaped, people saw "&lt;"). */
    String USAGE = "`/pgpilot status [env|all]` · `/pgpilot plan <plain English> [env]` · "
            + "`/pgpilot apply <version|pending> [env]` · `/pgpilot pending [env]` · `/pgpilot cancel <id>` · "
            + "`/pgpilot reject <id> <reason>` · `/pgpilot history [env]` · `/pgpilot help`";

    record Help() implements BotCommand {}

    record Status(String env) implements BotCommand {}

    /** {@code status all}: every environment of the project at once, as {@code pgpilot status --env all} reads them. */
    record FleetStatus() implements BotCommand {}

    record History(String env) implements BotCommand {}

    record Pending(String env) implements BotCommand {}

    record Plan(String request, String env) implements BotCommand {}

    /** @param version a migration version, or {@code pending} for everything pending */
    record Apply(String version, String env) implements BotCommand {}

    /** @param id an approval's id or the short id its message shows */
    record Cancel(String id) implements BotCommand {}

    record Reject(String id, String reason) implements BotCommand {}

    /** Input we did not understand: the word, and what the user could type instead. */
    record Invalid(String message, String hint) implements BotCommand {}

    /**
     * @param text         the slash command's text as Slack sends it ({@code & < >} escaped as entities)
     * @param environments environment names a trailing word may name
     */
    static BotCommand parse(String text, Set<String> environments) {
        String decoded = Mrkdwn.decode(text == null ? "" : text);
        List<String> words = new ArrayList<>(Arrays.asList(decoded.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return new Help();
        }
        String sub = words.remove(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "help":
                return new Help();
            case "status":
            case "history":
            case "pending": {
                if (words.size() > 1) {
                    return new Invalid("`" + sub + "` takes at most one environment, got: " + String.join(" ", words),
                            "try `/pgpilot " + sub + "` or `/pgpilot " + sub + " " + words.get(0) + "`");
                }
                String env = words.isEmpty() ? null : words.get(0);
                if (sub.equals("status") && "all".equalsIgnoreCase(env)) {
                    return new FleetStatus();
                }
                return sub.equals("status") ? new Status(env) : sub.equals("history") ? new History(env) : new Pending(env);
            }
            case "plan":
                return plan(words, environments);
            case "apply": {
                if (words.isEmpty() || words.size() > 2) {
                    return new Invalid("`apply` needs a version or `pending`, and optionally an environment",
                            "try `/pgpilot apply pending` or `/pgpilot apply 20250101120000 staging`");
                }
                String target = words.get(0);
                if (!target.equalsIgnoreCase("pending") && !target.matches("\\d{8,14}(_\\d+)?")) {
                    return new Invalid("not a migration version: " + target,
                            "use the number at the start of the file name (e.g. 20250101120000), or `pending`");
                }
                return new Apply(target.toLowerCase(Locale.ROOT), words.size() == 2 ? words.get(1) : null);
            }
            case "cancel":
                if (words.size() != 1) {
                    return new Invalid("`cancel` needs the id of one request", "the id is at the bottom of the request's message; `/pgpilot pending` lists them");
                }
                return new Cancel(words.get(0));
            case "reject":
                if (words.size() < 2) {
                    return new Invalid("`reject` needs the id of a request and a reason", "e.g. `/pgpilot reject 1a2b3c4d use a view instead`");
                }
                return new Reject(words.get(0), String.join(" ", words.subList(1, words.size())));
            default:
                return new Invalid("unknown command: " + sub, "commands: " + USAGE);
        }
    }

    /** The last word names the environment when it is one; a near miss is refused rather than taken as part of the request. */
    private static BotCommand plan(List<String> words, Set<String> environments) {
        String env = null;
        if (words.size() > 1) {
            String last = words.get(words.size() - 1);
            if (environments.contains(last)) {
                env = words.remove(words.size() - 1);
            } else {
                String near = dev.pgpilot.core.api.Names.closest(last, environments);
                if (near != null) {
                    return new Invalid("unknown environment at the end of the request: " + last,
                            "did you mean `" + near + "`? If `" + last + "` is part of the change, end the request with the environment: `… "
                                    + last + " " + near + "`");
                }
            }
        }
        if (words.isEmpty()) {
            return new Invalid("`plan` needs a change described in plain English", "try `/pgpilot plan add a text column notes to events`");
        }
        return new Plan(String.join(" ", words), env);
    }
}
