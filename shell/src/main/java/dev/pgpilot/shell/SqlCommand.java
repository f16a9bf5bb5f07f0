package dev.pgpilot.shell;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.QueryResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", description = "Run one read-only query (or \\d, \\dt, \\d TABLE) on the target and show the rows; changes go through migrations")
final class SqlCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "a query (one quoted argument or several words), or \\d, \\dt, \\d TABLE")
    List<String> words;

    @Override
    public Integer call() {
        String text = String.join(" ", words);
        if (text.isBlank()) {
            throw PilotException.refused("no query to run", "sql select * from public.notes limit 10");
        }
        QueryResult r = global.project().query(text);
        PrintWriter out = spec.commandLine().getOut();
        if (global.json) {
            out.println(Render.json(Render.fields("columns", r.columns(), "rows", r.rows(), "truncated", r.truncated())));
            return 0;
        }
        if (r.columns().isEmpty()) {
            out.println("ok (the statement returned no rows)");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : r.rows()) rows.add(row.stream().map(v -> v == null ? "" : v).toList());
        Render.table(r.columns(), rows, null).forEach(out::println);
        out.println("(" + rows.size() + (rows.size() == 1 ? " row" : " rows")
                + (r.truncated() ? "; more were not shown: add a limit or a where clause" : "") + ")");
        return 0;
    }
}
