package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest;
import dev.pgpilot.core.request.ChangeRequest.*;
import dev.pgpilot.core.request.ChangeSet;
import dev.pgpilot.core.request.ColumnDef;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.RightsTables;
import dev.pgpilot.core.request.Sql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ChangeSet} into SQL in the house style: header, then sections in a fixed order,
 * every statement idempotent; and a down script that undoes the changes in reverse order.
 */
public final class MigrationRenderer {
    enum Section {
        TABLES("Tables"), INDEXES("Indexes"), FOREIGN_KEYS("Foreign keys"), RLS("Row level security"),
        POLICIES("Policies"), FUNCTIONS("Functions and triggers"), COMMENTS("Comments");
        final String title;
        Section(String title) { this.title = title; }
    }

    private static final String UID = "(select auth.uid())";
    // read once: templates are part of the jar and do not change while running
    private static final String UP_HEADER = Templates.load("migration.sql");
    private static final String DOWN_HEADER = Templates.load("migration.down.sql");
    private static final String SET_UPDATED_AT = Templates.load("set_updated_at.sql").strip();

    /**
     * The shared trigger function goes only when no trigger uses it any more: a table created by
     * another migration (applied, or pending when this one was planned) may still need it, and a
     * down script must not drop what it did not create.
     */
    private static final String DROP_SET_UPDATED_AT = """
            do $$
            begin
              if not exists (select 1 from pg_trigger where tgfoid = to_regprocedure('public.set_updated_at()')) then
                drop function if exists public.set_updated_at();
              end if;
            end
            $$;
            """;

    /** Up statements by section and down statements (in the order they must run) for one change. */
    private static final class Out {
        final Map<Section, List<String>> up = new EnumMap<>(Section.class);
        final List<String> down = new ArrayList<>();
        boolean needsFunction;
        void up(Section s, String sql) { up.computeIfAbsent(s, k -> new ArrayList<>()).add(sql); }
    }

    private final String lockTimeout;

    public MigrationRenderer() {
        this("5s");
    }

    /** @param lockTimeout the lock_timeout a migration that locks existing tables sets first (the config's lock_timeout) */
    public MigrationRenderer(String lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Migration render(ChangeSet set, Instant created) {
        String name = set.name();
        Map<Section, List<String>> up = new EnumMap<>(Section.class);
        List<List<String>> downs = new ArrayList<>();
        boolean function = false, dropFunction = false;
        for (ChangeRequest c : set.changes()) {
            Out o = new Out();
            render(c, o);
            o.up.forEach((s, l) -> up.computeIfAbsent(s, k -> new ArrayList<>()).addAll(l));
            downs.add(o.down);
            function |= o.needsFunction;
            dropFunction |= createsFunction(c);
        }
        if (function) {
            up.computeIfAbsent(Section.FUNCTIONS, k -> new ArrayList<>()).add(0, SET_UPDATED_AT);
        }
        String purpose = String.join("; ", set.changes().stream().map(c -> c.describe().replace('_', ' ')).toList());
        String request = Sql.comment(set.requestText()).replace("*/", "* /");
        StringBuilder u = new StringBuilder(fill(UP_HEADER, name, purpose, request, created));
        for (String there : set.alreadyThere()) u.append("-- Already there, left out: ").append(Sql.comment(there).replace("*/", "* /")).append("\n");
        if (set.changes().stream().anyMatch(MigrationRenderer::locksExistingTable)) u.append(setLockTimeout());
        for (Section s : Section.values()) {
            List<String> l = up.get(s);
            if (l == null || l.isEmpty()) continue;
            u.append("\n-- ").append(s.title).append("\n");
            for (String stmt : l) u.append(stmt).append("\n");
        }
        StringBuilder d = new StringBuilder(fill(DOWN_HEADER, name, purpose, request, created));
        // the down runs when everything is in place: even a table this migration created is in use by then
        if (set.changes().stream().anyMatch(c -> locksExistingTable(c) || c instanceof CreateTable)) d.append(setLockTimeout());
        d.append("\n");
        for (int i = downs.size() - 1; i >= 0; i--) for (String stmt : downs.get(i)) d.append(stmt).append("\n");
        if (dropFunction) d.append(DROP_SET_UPDATED_AT);
        return new Migration(name, u.toString(), d.toString(), set.requestText());
    }

    /**
     * Changes that take a heavy lock (ACCESS EXCLUSIVE, or SHARE/SHARE ROW EXCLUSIVE that blocks
     * writes) on a table that already exists: waiting for it queues every later query on that table.
     * A new table's foreign keys lock the tables they reference too.
     */
    private static boolean locksExistingTable(ChangeRequest c) {
        if (c instanceof CreateTable t) return t.columns().stream().anyMatch(col -> col.references() != null);
        return !(c instanceof Comment || c instanceof CreateEnum || c instanceof AddEnumValue || c instanceof CreateBucket);
    }

    /** Fail fast instead of queueing behind a long transaction (the lint rule require-lock-timeout). */
    private String setLockTimeout() {
        return "\n-- Fail fast rather than queue behind long transactions: the statements below lock existing tables\nset lock_timeout = "
                + Sql.literal(lockTimeout) + ";\n";
    }

    private static boolean createsFunction(ChangeRequest c) {
        return c instanceof CreateTable t && t.createsUpdatedAtFunction() && !t.junction()
                || c instanceof AddUpdatedAtTrigger a && a.createsFunction();
    }

    private static String fill(String template, String name, String purpose, String request, Instant created) {
        return template.replace("{{name}}", name).replace("{{purpose}}", Sql.comment(purpose)).replace("{{request}}", request)
                .replace("{{created}}", created.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private void render(ChangeRequest change, Out o) {
        if (change instanceof AddColumn c) {
            o.up(Section.TABLES, alter(c.table()) + " add column if not exists " + c.column().sql() + ";");
            o.down.add(alter(c.table()) + " drop column if exists " + Sql.ident(c.column().name()) + ";");
        } else if (change instanceof DropColumn c) {
            o.up(Section.TABLES, alter(c.table()) + " drop column if exists " + Sql.ident(c.previous().name()) + ";");
            o.down.add("-- " + c.previous().name() + " comes back empty: its data is not restored");
            ColumnDef back = c.previous().defaultSql() == null ? c.previous().withNotNull(false) : c.previous();
            o.down.add(alter(c.table()) + " add column if not exists " + back.sql() + ";");
            for (String def : c.dependentIndexes()) o.down.add(ifNotExists(def) + ";");
        } else if (change instanceof RenameColumn c) {
            o.up(Section.TABLES, renameColumn(c.table(), c.from(), c.to()));
            o.down.add(renameColumn(c.table(), c.to(), c.from()));
        } else if (change instanceof AlterColumnType c) {
            o.up(Section.TABLES, alter(c.table()) + " alter column " + Sql.ident(c.column()) + " type " + c.newType()
                    + " using " + Sql.ident(c.column()) + "::" + c.newType() + ";");
            o.down.add(alter(c.table()) + " alter column " + Sql.ident(c.column()) + " type " + c.oldType()
                    + " using " + Sql.ident(c.column()) + "::" + c.oldType() + ";");
        } else if (change instanceof SetDefault c) {
            o.up(Section.TABLES, alter(c.table()) + " alter column " + Sql.ident(c.column()) + " set default " + c.defaultSql() + ";");
            o.down.add(restoreDefault(c.table(), c.column(), c.previous()));
        } else if (change instanceof DropDefault c) {
            o.up(Section.TABLES, alter(c.table()) + " alter column " + Sql.ident(c.column()) + " drop default;");
            o.down.add(restoreDefault(c.table(), c.column(), c.previous()));
        } else if (change instanceof SetNotNull c) {
            o.up(Section.TABLES, alter(c.table()) + " alter column " + Sql.ident(c.column()) + (c.notNull() ? " set not null;" : " drop not null;"));
            o.down.add(alter(c.table()) + " alter column " + Sql.ident(c.column()) + (c.notNull() ? " drop not null;" : " set not null;"));
        } else if (change instanceof AddCheck c) {
            o.up(Section.TABLES, unlessConstraint(c.table(), c.name(), alter(c.table()) + " add constraint " + Sql.ident(c.name()) + " check (" + c.expression() + ");"));
            o.down.add(alter(c.table()) + " drop constraint if exists " + Sql.ident(c.name()) + ";");
        } else if (change instanceof AddForeignKey c) {
            if (c.indexName() != null) {
                o.up(Section.INDEXES, "create index if not exists " + Sql.ident(c.indexName()) + " on " + c.table().sql() + " (" + Sql.ident(c.column()) + ");");
            }
            o.up(Section.FOREIGN_KEYS, unlessConstraint(c.table(), c.constraintName(), alter(c.table()) + " add constraint " + Sql.ident(c.constraintName()) + " foreign key ("
                    + Sql.ident(c.column()) + ") references " + c.refTable().sql() + " (" + Sql.ident(c.refColumn()) + ")"
                    + (c.onDelete() == null ? "" : " on delete " + c.onDelete()) + ";"));
            o.down.add(alter(c.table()) + " drop constraint if exists " + Sql.ident(c.constraintName()) + ";");
            if (c.indexName() != null) o.down.add("drop index if exists " + new QualifiedName(c.table().schema(), c.indexName()).sql() + ";");
        } else if (change instanceof CreateTable c) {
            createTable(c, o);
        } else if (change instanceof RenameTable c) {
            o.up(Section.TABLES, renameTable(c.table(), c.to()));
            o.down.add(renameTable(new QualifiedName(c.table().schema(), c.to()), c.table().name()));
        } else if (change instanceof DropTable c) {
            o.up(Section.TABLES, "drop table if exists " + c.table().sql() + ";");
            o.down.add("-- " + c.table().display() + " comes back empty: its rows, grants and policies are not restored");
            o.down.addAll(c.rebuild());
        } else if (change instanceof CreateIndex c) {
            o.up(Section.INDEXES, createIndex(c));
            o.down.add("drop index if exists " + new QualifiedName(c.table().schema(), c.name()).sql() + ";");
        } else if (change instanceof DropIndex c) {
            o.up(Section.INDEXES, "drop index if exists " + c.index().sql() + ";");
            o.down.add(ifNotExists(c.definition()) + ";");
        } else if (change instanceof CreateEnum c) {
            String values = String.join(", ", c.values().stream().map(Sql::literal).toList());
            o.up(Section.TABLES, doBlock("begin\n  if to_regtype(" + Sql.literal(c.type().sql()) + ") is null then\n    create type " + c.type().sql()
                    + " as enum (" + values + ");\n  end if;\nend"));
            o.down.add("drop type if exists " + c.type().sql() + ";");
        } else if (change instanceof AddEnumValue c) {
            o.up(Section.TABLES, "alter type " + c.type().sql() + " add value if not exists " + Sql.literal(c.value()) + ";");
            o.down.add("-- PostgreSQL cannot remove a value from an enum: " + Sql.comment(c.value()).replace("*/", "* /") + " stays in " + c.type().display());
        } else if (change instanceof EnableRls c) {
            o.up(Section.RLS, alter(c.table()) + " enable row level security;");
            o.down.add(alter(c.table()) + " disable row level security;");
        } else if (change instanceof CreatePolicy c) {
            if (c.enableRls()) o.up(Section.RLS, alter(c.table()) + " enable row level security;");
            o.up(Section.POLICIES, policy(c));
            o.down.add("drop policy if exists " + Sql.ident(c.name()) + " on " + c.table().sql() + ";");
            if (c.enableRls()) o.down.add(alter(c.table()) + " disable row level security;");
        } else if (change instanceof AddUpdatedAtTrigger c) {
            o.needsFunction = true;
            o.up(Section.FUNCTIONS, trigger(c.table(), c.triggerName()));
            o.down.add("drop trigger if exists " + Sql.ident(c.triggerName()) + " on " + c.table().sql() + ";");
        } else if (change instanceof CreateBucket c) {
            String mimes = c.mimeTypes().isEmpty() ? "null" : "array[" + String.join(", ", c.mimeTypes().stream().map(Sql::literal).toList()) + "]";
            o.up(Section.TABLES, "insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)\nvalues ("
                    + Sql.literal(c.id()) + ", " + Sql.literal(c.id()) + ", " + c.isPublic() + ", " + (c.sizeLimit() == null ? "null" : c.sizeLimit())
                    + ", " + mimes + ")\non conflict (id) do nothing;");
            // Supabase refuses SQL deletes from storage tables unless storage.allow_delete_query is on (its
            // Storage API turns it on), so a bare delete would fail there and here alike.
            o.down.add("-- delete the bucket's files through the Storage API first, or they stay in the object store");
            o.down.add("set local storage.allow_delete_query = 'true';");
            o.down.add("delete from storage.buckets where id = " + Sql.literal(c.id()) + ";");
        } else if (change instanceof Comment c) {
            String target = c.column() == null ? "table " + c.table().sql() : "column " + c.table().sql() + "." + Sql.ident(c.column());
            o.up(Section.COMMENTS, "comment on " + target + " is " + Sql.literal(c.text()) + ";");
            o.down.add("comment on " + target + " is " + (c.previous() == null ? "null" : Sql.literal(c.previous())) + ";");
        }
    }

    private void createTable(CreateTable c, Out o) {
        List<String> lines = new ArrayList<>();
        List<String> key = c.keyColumns();
        if (key.equals(List.of("id")) && c.primaryKey().isEmpty()) lines.add("  \"id\" uuid primary key default gen_random_uuid()");
        for (ColumnDef col : c.columns()) lines.add("  " + (key.size() == 1 && key.get(0).equals(col.name()) ? primaryKey(col) : col.sql()));
        lines.add("  \"created_at\" timestamptz not null default now()");
        if (!c.junction()) lines.add("  \"updated_at\" timestamptz not null default now()");
        if (key.size() > 1) lines.add("  primary key (" + String.join(", ", key.stream().map(Sql::ident).toList()) + ")");
        o.up(Section.TABLES, "create table if not exists " + c.table().sql() + " (\n" + String.join(",\n", lines) + "\n);");
        for (int i = 0; i < c.columns().size(); i++) {
            ColumnDef col = c.columns().get(i);
            if (col.references() == null || key.get(0).equals(col.name())) continue; // the primary key's index covers its first column
            String idx = trim63("idx_" + c.table().name() + "_" + col.name());
            o.up(Section.INDEXES, "create index if not exists " + Sql.ident(idx) + " on " + c.table().sql() + " (" + Sql.ident(col.name()) + ");");
        }
        o.up(Section.RLS, alter(c.table()) + " enable row level security;");
        if (c.ownerColumn() != null) {
            String own = UID + " = " + Sql.ident(c.ownerColumn());
            // a user who could insert or update their own row in admins/members/roles would grant themselves those rights
            boolean grantsRights = RightsTables.byName(c.table().name());
            String note = grantsRights ? c.table().name() + " grants rights: users may read their own rows only; add rows with the service role" : null;
            for (String cmd : grantsRights ? List.of("select") : List.of("select", "insert", "update", "delete")) {
                String name = trim63(c.table().name() + "_" + cmd + "_own");
                o.up(Section.POLICIES, policy(new CreatePolicy(c.table(), name, cmd, List.of("authenticated"),
                        cmd.equals("insert") ? null : own, cmd.equals("insert") || cmd.equals("update") ? own : null, false, false, note)));
            }
        }
        if (!c.junction()) {
            o.needsFunction = true;
            o.up(Section.FUNCTIONS, trigger(c.table(), new AddUpdatedAtTrigger(c.table(), false).triggerName()));
        }
        o.down.add("drop table if exists " + c.table().sql() + ";");
    }

    /** The column with "primary key" right after its type: "id" uuid primary key references ... */
    private static String primaryKey(ColumnDef col) {
        String head = Sql.ident(col.name()) + " " + col.type();
        return head + " primary key" + col.sql().substring(head.length());
    }

    private static String policy(CreatePolicy c) {
        String note = c.note() == null ? "" : "-- " + Sql.comment(c.note()) + "\n";
        StringBuilder b = new StringBuilder("create policy ");
        b.append(Sql.ident(c.name())).append(" on ").append(c.table().sql())
                .append("\n  as ").append(c.restrictive() ? "restrictive" : "permissive").append(" for ").append(c.command())
                .append("\n  to ").append(String.join(", ", c.roles().stream().map(r -> r.equals("public") ? "public" : Sql.ident(r)).toList()));
        if (c.using() != null) b.append("\n  using (").append(c.using()).append(")");
        if (c.withCheck() != null) b.append("\n  with check (").append(c.withCheck()).append(")");
        // created only when missing, never dropped first: a policy of that name is an earlier migration's (the planner refused it)
        String create = b.append(";").toString().replace("\n", "\n    ");
        return note + doBlock("begin\n  if not exists (select 1 from pg_policies where schemaname = " + Sql.literal(c.table().schema())
                + " and tablename = " + Sql.literal(c.table().name()) + " and policyname = " + Sql.literal(c.name()) + ") then\n    "
                + create + "\n  end if;\nend");
    }

    private static String trigger(QualifiedName t, String name) {
        return "create or replace trigger " + Sql.ident(name) + "\n  before update on " + t.sql()
                + "\n  for each row execute function public.set_updated_at();";
    }

    private static String createIndex(CreateIndex c) {
        String cols;
        if (c.fullText()) {
            cols = "to_tsvector('english'::regconfig, " + String.join(" || ' ' || ", c.columns().stream().map(x -> "coalesce(" + Sql.ident(x) + ", '')").toList()) + ")";
        } else {
            cols = String.join(", ", c.columns().stream().map(Sql::ident).toList());
        }
        return "create " + (c.unique() ? "unique " : "") + "index if not exists " + Sql.ident(c.name()) + " on " + c.table().sql()
                + (c.fullText() ? " using gin" : "") + " (" + cols + ")" + (c.where() == null ? "" : " where " + c.where()) + ";";
    }

    private static String alter(QualifiedName t) {
        return "alter table " + t.sql();
    }

    private static String restoreDefault(QualifiedName t, String column, String previous) {
        return alter(t) + " alter column " + Sql.ident(column) + (previous == null ? " drop default;" : " set default " + previous + ";");
    }

    /**
     * An anonymous block. Its body holds quoted values from the request (enum labels), so the
     * dollar-quote tag is one the body does not contain: a value with $$ in it cannot end the
     * block early and run as SQL.
     */
    private static String doBlock(String body) {
        String tag = "$$";
        for (int i = 1; body.contains(tag); i++) tag = "$pgpilot" + i + "$";
        return "do " + tag + "\n" + body + "\n" + tag + ";";
    }

    /**
     * A constraint added only when that table has none of that name. Not "exception when
     * duplicate_object then null": that also swallows a clash with another object of the name and
     * reports success while the new constraint does not exist.
     */
    private static String unlessConstraint(QualifiedName table, String name, String ddl) {
        return doBlock("begin\n  if not exists (select 1 from pg_constraint where conrelid = " + Sql.literal(table.sql()) + "::regclass and conname = "
                + Sql.literal(name) + ") then\n    " + ddl + "\n  end if;\nend");
    }

    private static String renameColumn(QualifiedName t, String from, String to) {
        return doBlock("begin\n  if exists (select 1 from pg_attribute where attrelid = " + Sql.literal(t.sql()) + "::regclass and attname = "
                + Sql.literal(from) + " and not attisdropped) then\n    " + alter(t) + " rename column " + Sql.ident(from) + " to " + Sql.ident(to)
                + ";\n  end if;\nend");
    }

    private static String renameTable(QualifiedName t, String to) {
        return doBlock("begin\n  if to_regclass(" + Sql.literal(t.sql()) + ") is not null then\n    " + alter(t) + " rename to " + Sql.ident(to)
                + ";\n  end if;\nend");
    }

    private static String ifNotExists(String indexDef) {
        return indexDef.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ");
    }

    private static String trim63(String n) {
        return n.length() <= 63 ? n : n.substring(0, 63);
    }
}
