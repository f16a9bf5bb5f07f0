package dev.pgpilot.core.request;

import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import java.util.Optional;

/**
 * One reading said as a request that names its change kind and its objects outright ("make
 * tasks.status required", "index tasks on status"), so the shell can plan exactly the reading a
 * person chose. The {@link Router} re-reads each text and only offers it when it gives back the
 * same changes; a kind with no such sentence here (a policy, a check, a new table) is empty, and
 * its readings are refused by meaning instead of offered.
 */
final class ReadingText {
    private ReadingText() {}

    static Optional<String> of(List<ChangeRequest> changes) {
        // a new foreign key column brings its index: saying the column says both
        List<ChangeRequest> said = changes.stream().filter(c -> !(c instanceof CreateIndex i && foreignKeyIndex(i, changes))).toList();
        return said.size() == 1 ? of(said.get(0)) : Optional.empty();
    }

    private static boolean foreignKeyIndex(CreateIndex i, List<ChangeRequest> changes) {
        return changes.stream().anyMatch(c -> c instanceof AddColumn a && a.table().equals(i.table()) && a.column().references() != null
                && i.equals(ColumnList.foreignKeyIndex(a.table(), a.column().name())));
    }

    /** The change said outright; empty for a kind, or a shape, this class has no sentence for. */
    static Optional<String> of(ChangeRequest c) {
        return Optional.ofNullable(sentence(c));
    }

    private static String sentence(ChangeRequest c) {
        if (c instanceof AddColumn a) return plain(a.column()) ? "add column " + col(a.table(), a.column().name()) + " " + a.column().type()
                + (a.column().notNull() ? " not null" : "") + (a.column().unique() ? " unique" : "") : null;
        if (c instanceof DropColumn d) return "drop column " + col(d.table(), d.previous().name());
        if (c instanceof RenameColumn r) return "rename column " + col(r.table(), r.from()) + " to " + r.to();
        if (c instanceof AlterColumnType t) return "change the type of " + col(t.table(), t.column()) + " to " + t.newType();
        if (c instanceof DropDefault d) return "drop the default of " + col(d.table(), d.column());
        if (c instanceof SetNotNull n) return "make " + col(n.table(), n.column()) + (n.notNull() ? " required" : " optional");
        if (c instanceof CreateIndex i) {
            if (i.where() != null || i.fullText()) return null;
            return i.unique() ? "make " + String.join(", ", i.columns().stream().map(x -> col(i.table(), x)).toList()) + " unique"
                    : "index " + table(i.table()) + " on " + String.join(", ", i.columns());
        }
        if (c instanceof DropIndex d) return "drop index " + table(d.index());
        if (c instanceof RenameTable r) return "rename table " + table(r.table()) + " to " + r.to();
        if (c instanceof DropTable d) return "drop table " + table(d.table());
        if (c instanceof EnableRls r) return "enable rls on " + table(r.table());
        if (c instanceof CreateEnum e) return "create enum " + table(e.type()) + " with values " + String.join(", ", e.values());
        if (c instanceof AddEnumValue v) return "add value " + Quote.literal(v.value()) + " to " + (v.column() == null ? table(v.type()) : "the " + v.column() + " enum") + place(v);
        if (c instanceof RenameEnumValue r) return "rename the " + table(r.type()) + " value " + Quote.literal(r.from()) + " to " + Quote.literal(r.to());
        if (c instanceof RenameEnum r) return "rename type " + table(r.type()) + " to " + r.to();
        if (c instanceof DropTrigger d) return "drop trigger " + d.name() + " on " + table(d.table());
        if (c instanceof AddUpdatedAtTrigger t) return "add an updated_at trigger to " + table(t.table());
        // defaults, checks, foreign keys, new tables, policies, buckets and comments carry expressions or text a short sentence would not say exactly
        return null;
    }

    /** "between 'a' and 'b'", "before 'b'", "after 'a'", or nothing (at the end). */
    private static String place(AddEnumValue v) {
        if (v.before() != null && v.after() != null) return " between " + Quote.literal(v.after()) + " and " + Quote.literal(v.before());
        if (v.before() != null) return " before " + Quote.literal(v.before());
        return v.after() != null ? " after " + Quote.literal(v.after()) : "";
    }

    /** A new column without a default, identity or reference: its name, type and modifiers say it all. */
    private static boolean plain(ColumnDef c) {
        return c.identity() == null && c.references() == null && c.defaultSql() == null;
    }

    private static String col(QualifiedName t, String column) {
        return table(t) + "." + column;
    }

    private static String table(QualifiedName q) {
        return q.schema().equals("public") ? q.name() : q.display();
    }
}
