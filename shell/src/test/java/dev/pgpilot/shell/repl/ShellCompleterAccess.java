package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.target.DatabaseTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import picocli.CommandLine;

/** Lets tests outside the package ask the shell's completer what it offers at the end of a line. */
public final class ShellCompleterAccess {
    private ShellCompleterAccess() {}

    public static List<String> complete(CommandLine root, List<String> environments, List<String> versions,
                                        Supplier<DatabaseTarget> catalog, String line) {
        ShellCompleter completer = new ShellCompleter(root, () -> environments, () -> versions, new CatalogCache(() -> {
            DatabaseTarget db = catalog.get();
            return db == null ? null : InternalAccess.schemaNames(db);
        }));
        ParsedLine parsed = new ReplParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        // the catalog is read in the background and each Tab waits for it only briefly: ask again, as a user would
        for (int i = 0; i < 20 && catalog.get() != null && candidates.stream().noneMatch(c -> c.group() != null && (c.group().equals("tables") || c.group().startsWith("columns"))); i++) {
            candidates.clear();
            completer.complete(null, parsed, candidates);
        }
        return candidates.stream().map(Candidate::value).toList();
    }
}
