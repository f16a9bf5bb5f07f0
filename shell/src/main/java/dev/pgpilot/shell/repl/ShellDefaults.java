package dev.pgpilot.shell.repl;

import java.util.ArrayList;
import java.util.List;

/** The shell's own --workdir/--db-url/--env/--no-color, added to each command line that does not give its own. */
final class ShellDefaults {
    private ShellDefaults() {}

    /** {@code words} with the defaults it lacks inserted before a {@code --} (help gets none: it takes no options). */
    static List<String> appendTo(List<String> words, List<String> defaults) {
        List<String> args = new ArrayList<>(words);
        if (args.get(0).equals("help")) {
            return args;
        }
        int insertAt = args.indexOf("--") < 0 ? args.size() : args.indexOf("--");
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < defaults.size(); i++) {
            String name = defaults.get(i);
            boolean takesValue = i + 1 < defaults.size() && !defaults.get(i + 1).startsWith("--");
            boolean given = words.stream().anyMatch(w -> w.equals(name) || w.startsWith(name + "="));
            if (!given) {
                extra.add(name);
                if (takesValue) extra.add(defaults.get(i + 1));
            }
            if (takesValue) i++;
        }
        args.addAll(insertAt, extra);
        return args;
    }
}
