package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "index all the foreign keys on attachments", "index every fk of reviews": an index per
 * single-column foreign key of the table, in the table's column order. The ones an existing index
 * already leads with are said as there ({@link ExistingObjects}), never built twice; each index on
 * an existing table is built concurrently in the file after the first, as any other.
 */
final class ForeignKeyIndexes {
    private static final Set<String> EVERY = Set.of("all", "every", "each");

    private ForeignKeyIndexes() {}

    /** True when the words ask for the foreign keys' indexes rather than name columns. */
    static boolean asked(Words w) {
        boolean keys = w.phrase("foreign", "keys") || w.phrase("foreign", "key") || w.has("fks") || w.has("fk");
        return keys && (w.any(EVERY) || w.has("keys") || w.has("fks"));
    }

    static List<ChangeRequest> read(Catalog catalog, Words w) {
        Catalog.Table table = null;
        for (Tok t : w.all()) {
            Optional<Catalog.Table> found = t.word() && !t.is("keys", "key", "fks", "fk", "foreign") ? catalog.findTable(t.text()) : Optional.empty();
            if (found.isEmpty()) continue;
            if (table != null && !table.equals(found.get())) throw refuse("the foreign keys of which table: " + table.name().name() + " or " + found.get().name().name() + "?", "one table per request");
            table = found.get();
        }
        if (table == null) throw refuse("index the foreign keys of which table?", "e.g. \"index all the foreign keys on orders\"");
        Catalog.Table t = table;
        List<String> keys = new ArrayList<>();
        for (String column : t.columns().keySet()) {
            boolean fk = t.constraints().stream().anyMatch(c -> c.type().equals("f") && c.columns().equals(List.of(column)));
            if (fk) keys.add(column);
        }
        if (keys.isEmpty()) throw refuse(t.name().name() + " has no single-column foreign key to index", "name the columns to index, e.g. \"index " + t.name().name() + " on ...\"");
        return keys.stream().map(c -> (ChangeRequest) new CreateIndex(t.name(), RequestParser.indexName("idx", t.name().name(), List.of(c)), List.of(c), false, null, false)).toList();
    }
}
