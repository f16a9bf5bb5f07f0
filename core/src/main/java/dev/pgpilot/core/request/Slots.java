package dev.pgpilot.core.request;

/** What frames fill their typed slots with: the catalog and the linkers for names, column phrases, referenced tables and conditions. */
record Slots(Catalog catalog, NameLinks names, ColumnList columns, ForeignTargets targets, Conditions conditions) {
    static Slots of(Catalog catalog) {
        NameLinks names = new NameLinks(catalog);
        return new Slots(catalog, names, new ColumnList(catalog), new ForeignTargets(catalog), new Conditions(names));
    }
}
