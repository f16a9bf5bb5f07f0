package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.SchemaNames;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes from the picocli model (command names, then that command's options), environment
 * names after {@code --env}, migration versions after {@code --to} and for {@code repair}, and
 * table/column names from the live catalog anywhere else (plain-English requests name tables;
 * {@code table.} lists that table's columns).
 */
final class ShellCompleter implements Completer {
    private final CommandLine root;
    private final Supplier<List<String>> environments;
    private final Supplier<List<String>> versions;
    private final CatalogCache catalog;

    ShellCompleter(CommandLine root, Supplier<List<String>> environments, Supplier<List<String>> versions, CatalogCache catalog) {
        this.root = root;
        this.environments = environments;
        this.versions = versions;
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            root.getSubcommands().keySet().forEach(c -> candidates.add(new Candidate(c)));
            Repl.BUILT_INS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        String previous = words.get(index - 1);
        if (previous.equals("--env")) {
            safely(environments).forEach(e -> candidates.add(new Candidate(e)));
            return;
        }
        if (previous.equals("--to") || words.get(0).equals("repair") && index == 1) {
            safely(versions).forEach(v -> candidates.add(new Candidate(v)));
            return;
        }
        CommandLine sub = root.getSubcommands().get(words.get(0));
        if (sub != null) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                for (String n : o.names()) {
                    if (n.startsWith("--")) candidates.add(new Candidate(n, n, "options", o.description().length > 0 ? o.description()[0] : null, null, null, true));
                }
            }
            if (words.get(0).equals("help")) {
                root.getSubcommands().keySet().forEach(c -> candidates.add(new Candidate(c)));
            }
        }
        if (sub == null || words.get(0).equals("new")) {
            names(line.word(), candidates);
        }
    }

    /**
     * After {@code table.} that table's columns, written {@code table.column} so the dot stays; after
     * {@code schema.} that schema's tables; otherwise the tables and the columns of schema public.
     */
    private void names(String word, List<Candidate> candidates) {
        SchemaNames names = catalog.snapshot();
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String before = word.substring(0, dot);
            names.columns().getOrDefault(before, List.of()).forEach(c -> candidates.add(new Candidate(before + "." + c, c, "columns of " + before, null, null, null, true)));
            names.tables().stream().filter(t -> t.startsWith(before + "."))
                    .forEach(t -> candidates.add(new Candidate(t, t, "tables", null, null, null, false)));
            return;
        }
        names.tables().forEach(t -> candidates.add(new Candidate(t, t, "tables", null, null, null, true)));
        CatalogCache.publicColumns(names).forEach(c -> candidates.add(new Candidate(c, c, "columns", null, null, null, true)));
    }

    private static List<String> safely(Supplier<List<String>> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return List.of(); // a broken pgpilot.yaml or migration name must not break completion
        }
    }
}
