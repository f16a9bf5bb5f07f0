package dev.pgpilot.shell;

import dev.pgpilot.shell.repl.CommandSuggester;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns picocli's command-line errors into the house style: one {@code error:} line naming the word,
 * one {@code hint:} line (the nearest command or option when there is one), exit 2; with {@code --json}
 * on the line, the same as {@code {"error": {message, hint}}} on stdout. Picocli's own
 * output ("Unmatched argument at index 0" followed by the whole usage text) buries the mistake.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        Message m = describe(ex, cl.getCommandSpec());
        err.println("error: " + m.error());
        err.println("hint: " + m.hint());
        err.flush();
        if (java.util.Arrays.asList(args).contains("--json")) {
            Render.printJsonError(cl.getOut(), m.error(), m.hint()); // a script asked for JSON: it gets JSON naming the mistake
        }
        return USAGE;
    }

    record Message(String error, String hint) {}

    static Message describe(ParameterException ex, CommandSpec spec) {
        String where = spec.qualifiedName(" ");
        boolean top = spec.parent() == null;
        String commands = "run '" + (top ? where + " help" : where + " --help") + "' to list the commands";
        String options = "run '" + where + " --help' to list its options";
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            if (word.startsWith("-")) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                return new Message("unknown option '" + name + "' for '" + where + "'", didYouMean(name, optionNames(spec), options));
            }
            if (!spec.subcommands().isEmpty()) {
                return new Message("unknown command '" + word + "'",
                        didYouMean(word, new ArrayList<>(spec.subcommands().keySet()), commands));
            }
            return new Message("unexpected argument '" + word + "' for '" + where + "'", options);
        }
        return new Message(firstLine(ex.getMessage()), spec.subcommands().isEmpty() ? options : commands);
    }

    private static String didYouMean(String word, List<String> candidates, String otherwise) {
        return nearest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(otherwise);
    }

    private static Optional<String> nearest(String word, List<String> candidates) {
        return new CommandSuggester(candidates).suggest(List.of(word));
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid command line";
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        if (line.endsWith(".")) line = line.substring(0, line.length() - 1);
        // picocli capitalises its messages; the house style is "error: lower case ..."
        return line.isEmpty() ? "invalid command line" : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
