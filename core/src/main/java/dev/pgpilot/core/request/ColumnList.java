package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;

/** The column-list slot of the add-column and create-table frames: "a text, b int and c date", each read by {@link ColumnPhrase}. */
final class ColumnList {
    private final ColumnPhrase phrase;

    ColumnList(Catalog catalog) {
        this.phrase = new ColumnPhrase(catalog);
    }

    /** Splits "a text, b int and c date" into column descriptions; "between 1 and 5" stays whole. */
    static List<List<Tok>> split(List<Tok> toks) {
        List<List<Tok>> parts = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean sep = t.is(",", ";") || (t.is("and") && !(i > 0 && toks.get(i - 1).kind() == Kind.NUMBER));
            if (sep) { if (!cur.isEmpty()) parts.add(cur); cur = new ArrayList<>(); continue; }
            cur.add(t);
        }
        if (!cur.isEmpty()) parts.add(cur);
        return parts;
    }

    /** "a phone_verified boolean defaulting to false", "amount numeric(12,2) not null", "customer_id referencing customers". */
    ColumnDef column(List<Tok> part) {
        ColumnPhrase.Parsed p = parsed(part);
        if (p.primaryKey()) throw refuse("\"primary key\" is only understood for the id of a new table", "e.g. \"create table profiles with id uuid primary key references auth.users\"");
        return p.column();
    }

    /** The column and whether the description made it the primary key (a new table's columns may). */
    ColumnPhrase.Parsed parsed(List<Tok> part) {
        return phrase.parse(part);
    }

    /** The index that goes with a new foreign key column, so joins and cascades do not scan. */
    static CreateIndex foreignKeyIndex(QualifiedName table, String column) {
        return new CreateIndex(table, indexName("idx", table.name(), List.of(column)), List.of(column), false, null, false);
    }
}
