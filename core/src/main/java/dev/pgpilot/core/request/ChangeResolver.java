package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a change that came from outside the rule-based parser (the LLM backend) against the
 * catalog, exactly as strictly: names must exist (or must not, when created), types come from the
 * known list, defaults are plain values, and what a down script needs is read from the catalog,
 * never taken from the model. Kinds that would need SQL expressions from the model are refused.
 * An object that already exists is not refused here: {@link ExistingObjects} judges it after, as
 * for the rule parser (the same definition is "already there, nothing to do", another is refused
 * saying what differs).
 */
public final class ChangeResolver {
    private static final Pattern PLAIN_DEFAULT = Pattern.compile("^(true|false|null|now\\(\\)|current_date|-?\\d+(\\.\\d+)?|'([^']|'')*')$");
    private final Catalog catalog;

    public ChangeResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    public ChangeRequest resolve(ChangeRequest c) {
        if (c instanceof AddColumn a) {
            Catalog.Table t = table(a.table());
            if (a.column() == null) throw refuse("add_column without a column");
            return new AddColumn(t.name(), column(a.column()));
        } else if (c instanceof DropColumn d) {
            Catalog.Table t = table(d.table());
            Catalog.Column col = catalog.column(t, d.previous() == null ? "" : d.previous().name());
            List<String> deps = t.indexes().stream().filter(i -> !i.constraint() && i.columns().size() == 1 && i.columns().contains(col.name())).map(Catalog.Index::definition).toList();
            return new DropColumn(t.name(), col.toDef(), deps);
        } else if (c instanceof RenameColumn r) {
            Catalog.Table t = table(r.table());
            catalog.column(t, r.from());
            Quote.checkIdentifier(r.to());
            if (t.columns().containsKey(r.to())) throw refuse("column " + r.to() + " already exists in " + t.name().display());
            return new RenameColumn(t.name(), r.from(), r.to());
        } else if (c instanceof AlterColumnType a) {
            Catalog.Table t = table(a.table());
            Catalog.Column col = catalog.column(t, a.column());
            return new AlterColumnType(t.name(), col.name(), type(a.newType()), col.type());
        } else if (c instanceof SetDefault s) {
            Catalog.Table t = table(s.table());
            Catalog.Column col = catalog.column(t, s.column());
            return new SetDefault(t.name(), col.name(), plainDefault(s.defaultSql()), col.defaultSql());
        } else if (c instanceof DropDefault s) {
            Catalog.Table t = table(s.table());
            Catalog.Column col = catalog.column(t, s.column());
            return new DropDefault(t.name(), col.name(), col.defaultSql());
        } else if (c instanceof SetNotNull s) {
            Catalog.Table t = table(s.table());
            Catalog.Column col = catalog.column(t, s.column());
            if (col.notNull() == s.notNull()) throw refuse(t.name().name() + "." + col.name() + " is already " + (s.notNull() ? "required" : "optional"));
            return new SetNotNull(t.name(), col.name(), s.notNull());
        } else if (c instanceof AddForeignKey f) {
            Catalog.Table t = table(f.table());
            Catalog.Column col = catalog.column(t, f.column());
            Catalog.Table ref = table(f.refTable());
            Catalog.Column refCol = catalog.column(ref, f.refColumn() == null ? "id" : f.refColumn());
            return new AddForeignKey(t.name(), col.name(), ref.name(), refCol.name(), "cascade",
                    RequestParser.trim63(t.name().name() + "_" + col.name() + "_fkey"), RequestParser.indexName("idx", t.name().name(), List.of(col.name())));
        } else if (c instanceof CreateTable ct) {
            QualifiedName q = new QualifiedName(ct.table().schema(), Quote.checkIdentifier(ct.table().name()));
            if (catalog.findTable(q.display()).isPresent()) throw refuse("table " + q.display() + " already exists");
            List<ColumnDef> cols = new ArrayList<>();
            for (ColumnDef d : ct.columns() == null ? List.<ColumnDef>of() : ct.columns()) {
                if (!List.of("id", "created_at", "updated_at").contains(d.name())) cols.add(column(d));
            }
            if (ct.junction() && (cols.size() != 2 || cols.stream().anyMatch(x -> x.references() == null))) throw refuse("a join table needs exactly two foreign key columns");
            String owner = OwnerColumn.among(cols).orElse(null);
            return new CreateTable(q, cols, ct.junction(), owner, !catalog.hasFunction("public.set_updated_at"));
        } else if (c instanceof RenameTable r) {
            Catalog.Table t = table(r.table());
            Quote.checkIdentifier(r.to());
            if (catalog.findTable(t.name().schema() + "." + r.to()).isPresent()) throw refuse("table " + r.to() + " already exists");
            return new RenameTable(t.name(), r.to());
        } else if (c instanceof DropTable d) {
            Catalog.Table t = table(d.table());
            return new DropTable(t.name(), TableShape.rebuild(t));
        } else if (c instanceof CreateIndex i) {
            Catalog.Table t = table(i.table());
            if (i.where() != null) throw refuse("the LLM backend does not write partial-index conditions; ask without the model (rule-based parser)");
            if (i.columns() == null || i.columns().isEmpty()) throw refuse("create_index without columns");
            for (String col : i.columns()) catalog.column(t, col);
            String prefix = i.fullText() ? "idx_fts" : i.unique() ? "uq" : "idx";
            return new CreateIndex(t.name(), RequestParser.indexName(prefix, t.name().name(), i.columns()), List.copyOf(i.columns()), i.unique(), null, i.fullText());
        } else if (c instanceof DropIndex d) {
            String name = d.index() == null ? "" : d.index().name();
            Catalog.Index idx = catalog.findIndex(name).orElseThrow(() -> PilotException.refused("unknown index: " + Quote.oneLine(name), Suggest.hint(name, catalog.indexNames(), "indexes")));
            if (idx.constraint()) throw refuse("index " + name + " belongs to a constraint");
            return new DropIndex(idx.name(), idx.definition());
        } else if (c instanceof CreateEnum e) {
            QualifiedName q = new QualifiedName(e.type().schema(), Quote.checkIdentifier(e.type().name()));
            if (e.values() == null || e.values().isEmpty()) throw refuse("create_enum without values");
            for (String v : e.values()) enumValue(v);
            return new CreateEnum(q, List.copyOf(e.values()));
        } else if (c instanceof AddEnumValue e) {
            Catalog.EnumType t = catalog.findEnum(e.type() == null ? "" : e.type().display())
                    .orElseThrow(() -> PilotException.refused("unknown enum type: " + e.type(), Suggest.hint(e.type() == null ? "" : e.type().name(), catalog.enumNames(), "enum types")));
            enumValue(e.value());
            for (String v : java.util.Arrays.asList(e.before(), e.after())) {
                if (v != null && !t.values().contains(v)) throw PilotException.refused("'" + v + "' is not a value of " + t.name().name(), Suggest.hint(v, t.values(), "values"));
            }
            if (e.column() != null && enumColumn(e.column()).filter(t::equals).isEmpty()) throw refuse(e.column() + " is not a column of type " + t.name().name());
            return new AddEnumValue(t.name(), e.value(), e.before(), e.after(), e.column());
        } else if (c instanceof EnableRls r) {
            Catalog.Table t = table(r.table());
            return new EnableRls(t.name());
        } else if (c instanceof AddUpdatedAtTrigger a) {
            Catalog.Table t = table(a.table());
            catalog.column(t, "updated_at");
            return new AddUpdatedAtTrigger(t.name(), !catalog.hasFunction("public.set_updated_at"));
        } else if (c instanceof CreateBucket b) {
            if (b.id() == null || !b.id().matches("^[a-z0-9][a-z0-9._-]{1,62}$")) throw refuse("not a valid bucket name: " + Quote.oneLine(b.id()));
            List<String> mimes = b.mimeTypes() == null ? List.of() : b.mimeTypes();
            for (String m : mimes) if (!m.matches("^[a-z]+/[a-z0-9.+*-]+$")) throw refuse("not a MIME type: " + Quote.oneLine(m));
            if (b.sizeLimit() != null && b.sizeLimit() <= 0) throw refuse("bucket size limit must be positive");
            return new CreateBucket(b.id(), b.isPublic(), b.sizeLimit(), List.copyOf(mimes));
        } else if (c instanceof Comment m) {
            Catalog.Table t = table(m.table());
            if (m.text() == null || m.text().isBlank()) throw refuse("empty comment text");
            if (m.column() != null) {
                catalog.column(t, m.column());
                return new Comment(t.name(), m.column(), m.text(), null);
            }
            return new Comment(t.name(), null, m.text(), t.comment());
        }
        // AddCheck and CreatePolicy carry SQL expressions: a model must never supply those
        throw refuse("the LLM backend may not write SQL expressions (" + c.getClass().getSimpleName() + "); ask without the model (rule-based parser)");
    }

    /** The enum a "table.column" has as its type. */
    private java.util.Optional<Catalog.EnumType> enumColumn(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) return java.util.Optional.empty();
        return catalog.findTable(qualified.substring(0, dot)).flatMap(t -> t.column(qualified.substring(dot + 1))).flatMap(c -> catalog.findEnum(c.type()));
    }

    private Catalog.Table table(QualifiedName q) {
        if (q == null) throw refuse("a change without a table");
        return catalog.table(q.schema().equals("public") ? q.name() : q.display());
    }

    private ColumnDef column(ColumnDef d) {
        String type = d.type() == null ? TypeWords.fromName(d.name()) : type(d.type());
        String def = d.defaultSql() == null ? null : plainDefault(d.defaultSql());
        ColumnDef.ForeignRef ref = null;
        if (d.references() != null) {
            Catalog.Table rt = table(d.references().table());
            Catalog.Column rc = catalog.column(rt, d.references().column() == null ? "id" : d.references().column());
            ref = new ColumnDef.ForeignRef(rt.name(), rc.name(), "cascade");
            type = rc.type();
        }
        return new ColumnDef(d.name(), type, d.notNull(), def, d.unique(), ref, null);
    }

    private String type(String t) {
        String w = t == null ? "" : t.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        return TypeWords.of(w).or(() -> catalog.findEnum(w).map(e -> e.name().sql()))
                .orElseThrow(() -> PilotException.refused("unknown type: " + Quote.oneLine(t), "use text, integer, bigint, numeric(p,s), boolean, date, timestamptz, uuid, jsonb, text[]"));
    }

    private static String plainDefault(String d) {
        String v = d.strip();
        if (!PLAIN_DEFAULT.matcher(v).matches()) throw refuse("default is not a plain value: " + Quote.oneLine(d));
        return v;
    }

    private static void enumValue(String v) {
        if (v == null || v.isEmpty() || v.length() > 63) throw refuse("bad enum value: " + Quote.oneLine(v));
    }

    private static PilotException refuse(String message) {
        return PilotException.refused(message, null);
    }
}
