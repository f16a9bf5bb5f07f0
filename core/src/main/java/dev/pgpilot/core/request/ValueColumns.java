package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;

/**
 * The column a value names when the words name only its table: "new appointments should default
 * to confirmed" is the one enum column of appointments with the value confirmed; "projects should
 * be public by default" the one boolean column named public, is_public or has_public. None or
 * several: no link, and the caller's refusal stands.
 */
final class ValueColumns {
    private final Catalog catalog;

    ValueColumns(Catalog catalog) {
        this.catalog = catalog;
    }

    Optional<NameLinks.ColRef> of(List<Tok> scope, Tok value) {
        List<Catalog.Table> tables = scope.stream().filter(Tok::word).map(t -> catalog.findTable(t.text())).flatMap(Optional::stream).distinct().toList();
        if (tables.size() != 1) return Optional.empty();
        Catalog.Table table = tables.get(0);
        List<Catalog.Column> fit = table.columns().values().stream()
                .filter(c -> namesFlag(c, value) || catalog.enumBySql(c.type()).map(e -> e.values().contains(value.text())).orElse(false)).toList();
        return fit.size() == 1 ? Optional.of(new NameLinks.ColRef(table, fit.get(0))) : Optional.empty();
    }

    /** True when the value is a boolean column's own name ("public" for is_public): the default is true. */
    static boolean namesFlag(Catalog.Column c, Tok value) {
        return value.word() && c.type().equals("boolean") && List.of(value.text(), "is_" + value.text(), "has_" + value.text()).contains(c.name());
    }
}
