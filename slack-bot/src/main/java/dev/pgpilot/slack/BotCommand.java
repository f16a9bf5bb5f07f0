package dev.pgpilot.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the text after {@code /pgpilot} asks for. Parsing only; nothing here touches a database. */
public sealed interface BotCommand {
    String USAGE = "`/pgpilot status [env]` · `/pgpilot plan &lt;plain English&gt; [env]` · "
            + "`/pgpilot apply &lt;version|pending&gt; [env]` · `/pgpilot history [env]` · `/pgpilot help`";

    record Help() implements BotCommand {}

    record Status(String env) implements BotCommand {}

    record History(String env) implements BotCommand {}

    record Plan(String request, String env) implements BotCommand {}

    /** @param version a migration version, or {@code pending} for everything pending */
    record Apply(String version, String env) implements BotCommand {}

    /** Input we did not understand: the word, and what the user could type instead. */
    record Invalid(String message, String hint) implements BotCommand {}

    /**
     * @param text         the slash command's text
     * @param environments environment names a trailing word may name (plan's last word is only
     *                     taken as an environment when it is one of these)
     */
    static BotCommand parse(String text, Set<String> environments) {
        List<String> words = new ArrayList<>(Arrays.asList(text == null ? new String[0] : text.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return new Help();
        }
        String sub = words.remove(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "help":
                return new Help();
            case "status":
            case "history": {
                if (words.size() > 1) {
                    return new Invalid("`" + sub + "` takes at most one environment, got: " + String.join(" ", words),
                            "try `/pgpilot " + sub + "` or `/pgpilot " + sub + " " + words.get(0) + "`");
                }
                String env = words.isEmpty() ? null : words.get(0);
                return sub.equals("status") ? new Status(env) : new History(env);
            }
            case "plan": {
                String env = null;
                if (words.size() > 1 && environments.contains(words.get(words.size() - 1))) {
                    env = words.remove(words.size() - 1);
                }
                if (words.isEmpty()) {
                    return new Invalid("`plan` needs a change described in plain English",
                            "try `/pgpilot plan add a text column notes to events`");
                }
                return new Plan(String.join(" ", words), env);
            }
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
            default:
                return new Invalid("unknown command: " + sub, "commands: " + USAGE);
        }
    }
}
