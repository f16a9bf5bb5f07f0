package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;

/** The table (and its single-column primary key) a foreign key named in a request points to. */
final class ForeignTargets {
    private final Catalog catalog;

    ForeignTargets(Catalog catalog) {
        this.catalog = catalog;
    }

    /** "users" / "auth.users" means Supabase's auth.users unless the project has a users table of its own. */
    ColumnDef.ForeignRef of(String tableWord) {
        if (tableWord.equals("users") || tableWord.equals("auth.users") || tableWord.equals("user")) {
            if (tableWord.equals("auth.users") || catalog.findTable("users").isEmpty()) return new ColumnDef.ForeignRef(new QualifiedName("auth", "users"), "id", "cascade");
        }
        Catalog.Table t = catalog.table(tableWord);
        String pk = t.constraints().stream().filter(c -> c.type().equals("p") && c.columns().size() == 1).map(c -> c.columns().get(0)).findFirst()
                .orElseThrow(() -> PilotException.refused("table " + t.name().display() + " has no single-column primary key to reference", "add the foreign key by hand"));
        return new ColumnDef.ForeignRef(t.name(), pk, "cascade");
    }

    /** The type a referencing column must have: the referenced column's. */
    String typeOf(ColumnDef.ForeignRef ref) {
        return catalog.findTable(ref.table().display()).flatMap(t -> t.column(ref.column())).map(Catalog.Column::type).orElse("uuid");
    }
}
