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
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ChangeSet} into SQL in the house style: header, then sections in a fixed order,
 * every statement idempotent; and a down script that undoes the changes in reverse order.
 *
 * <p>What must not hold a write-blocking lock on a table that already exists goes into a second
 * migration that runs after the first, outside a transaction (pgpilot runs a file with a
 * CONCURRENTLY statement statement by statement): its indexes are built and dropped CONCURRENTLY,
 * and the foreign keys and checks the first one added NOT VALID are validated there, under a lock
 * that lets writes through. A request with nothing else to do gets only that second file.
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

    private static final String IDEMPOTENT = "Idempotent: safe to run twice.";
    private static final String IDEMPOTENT_BUT_BUCKET = "Idempotent: safe to run twice, but for the bucket: one that is already there is refused (the down script deletes it).";

    /** Sections of the migration that runs outside a transaction, after the first one. */
    enum LaterSection {
        INDEXES("Indexes, built without blocking writes (CONCURRENTLY cannot run in a transaction: this file runs statement by statement)"),
        VALIDATE("Check the existing rows against the constraints the previous migration added NOT VALID (writes go on meanwhile)");
        final String title;
        LaterSection(String title) { this.title = title; }
    }

    /**
     * Up statements by section and down statements (in the order they must run) for one change, in
     * the first migration and in the one after it ({@code later}).
     */
    private static final class Out {
        final Map<Section, List<String>> up = new EnumMap<>(Section.class);
        final List<String> down = new ArrayList<>();
        final Map<LaterSection, List<String>> later = new EnumMap<>(LaterSection.class);
        final List<String> laterDown = new ArrayList<>();
        boolean needsFunction;
        void up(Section s, String sql) { up.computeIfAbsent(s, k -> new ArrayList<>()).add(sql); }
        void later(LaterSection s, String sql) { later.computeIfAbsent(s, k -> new ArrayList<>()).add(sql); }
    }

    private final String lockTimeout;

    public MigrationRenderer() {
        this("5s");
    }

    /** @param lockTimeout the lock_timeout a migration that locks existing tables sets first (the config's lock_timeout) */
    public MigrationRenderer(String lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * The migrations of one request, in the order they run: the transactional one, then (when a
     * change needs it) the one that runs outside a transaction. Never empty.
     */
    public List<Migration> render(ChangeSet set, Instant created) {
        String name = set.name();
        Set<QualifiedName> newTables = new HashSet<>();
        for (ChangeRequest c : set.changes()) if (c instanceof CreateTable t) newTables.add(t.table());
        Map<Section, List<String>> up = new EnumMap<>(Section.class);
        Map<LaterSection, List<String>> later = new EnumMap<>(LaterSection.class);
        List<List<String>> downs = new ArrayList<>();
        List<List<String>> laterDowns = new ArrayList<>();
        boolean function = false, dropFunction = false;
        for (ChangeRequest c : set.changes()) {
            Out o = new Out();
            render(c, o, newTables);
            o.up.forEach((s, l) -> up.computeIfAbsent(s, k -> new ArrayList<>()).addAll(l));
            o.later.forEach((s, l) -> later.computeIfAbsent(s, k -> new ArrayList<>()).addAll(l));
            downs.add(o.down);
            laterDowns.add(o.laterDown);
            function |= o.needsFunction;
            dropFunction |= createsFunction(c);
        }
        if (function) {
            up.computeIfAbsent(Section.FUNCTIONS, k -> new ArrayList<>()).add(0, SET_UPDATED_AT);
        }
        String purpose = String.join("; ", set.changes().stream().map(c -> c.describe().replace('_', ' ')).toList());
        String request = Sql.comment(set.requestText()).replace("*/", "* /");
        List<Migration> out = new ArrayList<>();
        if (!up.isEmpty()) {
            String header = fill(UP_HEADER, name, purpose, request, created);
            if (set.changes().stream().anyMatch(c -> c instanceof CreateBucket)) header = header.replace(IDEMPOTENT, IDEMPOTENT_BUT_BUCKET);
            StringBuilder u = new StringBuilder(header);
            alreadyThere(set, u);
            if (set.changes().stream().anyMatch(MigrationRenderer::locksExistingTable)) u.append(setLockTimeout());
            for (Section s : Section.values()) appendSection(u, s.title, up.get(s));
            StringBuilder d = new StringBuilder(fill(DOWN_HEADER, name, purpose, request, created));
            // the down runs when everything is in place: even a table this migration created is in use by then
            if (set.changes().stream().anyMatch(c -> locksExistingTable(c) || c instanceof CreateTable)) d.append(setLockTimeout());
            d.append("\n");
            for (int i = downs.size() - 1; i >= 0; i--) for (String stmt : downs.get(i)) d.append(stmt).append("\n");
            if (dropFunction) d.append(DROP_SET_UPDATED_AT);
            out.add(new Migration(name, u.toString(), d.toString(), set.requestText()));
        }
        if (!later.isEmpty()) {
            // its own name when the request needs nothing else; else the first one's with what it does
            String laterName = out.isEmpty() ? name : trimName(name + (later.containsKey(LaterSection.INDEXES) ? "_concurrently" : "_validate"));
            StringBuilder u = new StringBuilder(fill(UP_HEADER, laterName, purpose, request, created));
            if (out.isEmpty()) alreadyThere(set, u);
            for (LaterSection s : LaterSection.values()) appendSection(u, s.title, later.get(s));
            StringBuilder d = new StringBuilder(fill(DOWN_HEADER, laterName, purpose, request, created));
            if (later.containsKey(LaterSection.VALIDATE)) d.append(setLockTimeout()); // putting a key back to NOT VALID re-adds it
            d.append("\n");
            for (int i = laterDowns.size() - 1; i >= 0; i--) for (String stmt : laterDowns.get(i)) d.append(stmt).append("\n");
            out.add(new Migration(laterName, u.toString(), d.toString(), set.requestText()));
        }
        return List.copyOf(out);
    }

    private static void alreadyThere(ChangeSet set, StringBuilder u) {
        for (String there : set.alreadyThere()) u.append("-- Already there, left out: ").append(Sql.comment(there).replace("*/", "* /")).append("\n");
    }

    private static void appendSection(StringBuilder u, String title, List<String> statements) {
        if (statements == null || statements.isEmpty()) return;
        u.append("\n-- ").append(title).append("\n");
        for (String stmt : statements) u.append(stmt).append("\n");
    }

    private static String trimName(String n) {
        return n.length() > 80 ? n.substring(0, 80).replaceAll("_+$", "") : n;
    }

    /**
     * Changes that take a heavy lock (ACCESS EXCLUSIVE, or SHARE/SHARE ROW EXCLUSIVE that blocks
     * writes) on a table that already exists: waiting for it queues every later query on that table.
     * A new table's foreign keys lock the tables they reference too.
     */
    private static boolean locksExistingTable(ChangeRequest c) {
        if (c instanceof CreateTable t) return t.columns().stream().anyMatch(col -> col.references() != null);
        // indexes: on a new table the CreateTable decides; on an existing one they are built concurrently in the next file
        return !(c instanceof Comment || c instanceof CreateEnum || c instanceof AddEnumValue || c instanceof CreateBucket
                || c instanceof CreateIndex || c instanceof DropIndex);
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

    /** @param newTables tables this request creates: nothing else uses them yet, so building on them needs no care for traffic */
    private void render(ChangeRequest change, Out o, Set<QualifiedName> newTables) {
        if (change instanceof AddColumn c) {
            ColumnDef col = c.column();
            // on a table in use, the key is added NOT VALID and checked in the next file: ADD COLUMN ... REFERENCES scans the table under its lock
            boolean keyLater = col.references() != null && !newTables.contains(c.table());
            o.up(Section.TABLES, alter(c.table()) + " add column if not exists " + (keyLater ? col.withReferences(null) : col).sql() + ";");
            if (keyLater) {
                ColumnDef.ForeignRef r = col.references();
                String name = trim63(c.table().name() + "_" + col.name() + "_fkey");
                String add = alter(c.table()) + " add constraint " + Sql.ident(name) + " foreign key (" + Sql.ident(col.name()) + ") references "
                        + r.table().sql() + " (" + Sql.ident(r.column()) + ")" + (r.onDelete() == null ? "" : " on delete " + r.onDelete());
                o.up(Section.FOREIGN_KEYS, unlessConstraint(c.table(), name, add + " not valid;"));
                validateLater(c.table(), name, add, o);
            }
            o.down.add(alter(c.table()) + " drop column if exists " + Sql.ident(col.name()) + ";");
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
            boolean existing = !newTables.contains(c.table());
            String add = alter(c.table()) + " add constraint " + Sql.ident(c.name()) + " check (" + c.expression() + ")";
            o.up(Section.TABLES, unlessConstraint(c.table(), c.name(), add + (existing ? " not valid" : "") + ";"));
            o.down.add(alter(c.table()) + " drop constraint if exists " + Sql.ident(c.name()) + ";");
            if (existing) validateLater(c.table(), c.name(), add, o);
        } else if (change instanceof AddForeignKey c) {
            boolean existing = !newTables.contains(c.table());
            if (c.indexName() != null) {
                String index = "index if not exists " + Sql.ident(c.indexName()) + " on " + c.table().sql() + " (" + Sql.ident(c.column()) + ");";
                QualifiedName indexName = new QualifiedName(c.table().schema(), c.indexName());
                if (existing) {
                    o.later(LaterSection.INDEXES, "create index concurrently " + index.substring("index ".length()));
                    o.laterDown.add("drop index concurrently if exists " + indexName.sql() + ";");
                } else {
                    o.up(Section.INDEXES, "create " + index);
                }
            }
            String add = alter(c.table()) + " add constraint " + Sql.ident(c.constraintName()) + " foreign key ("
                    + Sql.ident(c.column()) + ") references " + c.refTable().sql() + " (" + Sql.ident(c.refColumn()) + ")"
                    + (c.onDelete() == null ? "" : " on delete " + c.onDelete());
            o.up(Section.FOREIGN_KEYS, unlessConstraint(c.table(), c.constraintName(), add + (existing ? " not valid" : "") + ";"));
            o.down.add(alter(c.table()) + " drop constraint if exists " + Sql.ident(c.constraintName()) + ";");
            if (c.indexName() != null && !existing) o.down.add("drop index if exists " + new QualifiedName(c.table().schema(), c.indexName()).sql() + ";");
            if (existing) validateLater(c.table(), c.constraintName(), add, o);
        } else if (change instanceof ChangeOnDelete c) {
            // dropped and re-added in one statement, so no moment is without the key; NOT VALID, then checked in the next file
            String add = " add constraint " + Sql.ident(c.constraintName()) + " foreign key (" + Sql.ident(c.column()) + ") references " + c.refTable().sql()
                    + " (" + Sql.ident(c.refColumn()) + ") on delete " + c.onDelete();
            String drop = alter(c.table()) + " drop constraint if exists " + Sql.ident(c.constraintName()) + ",";
            o.up(Section.FOREIGN_KEYS, drop + add + " not valid;");
            validateLater(c.table(), c.constraintName(), alter(c.table()) + add, o);
            boolean wasValid = !c.definition().endsWith("NOT VALID");
            o.down.add("-- " + Sql.comment(c.constraintName()).replace("*/", "* /") + " back to " + Sql.comment(c.definition()).replace("*/", "* /"));
            o.down.add(drop + " add constraint " + Sql.ident(c.constraintName()) + " " + c.definition().replaceFirst(" NOT VALID$", "") + " not valid;");
            if (wasValid) o.down.add(alter(c.table()) + " validate constraint " + Sql.ident(c.constraintName()) + ";");
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
            String drop = " if exists " + new QualifiedName(c.table().schema(), c.name()).sql() + ";";
            if (newTables.contains(c.table())) {
                o.up(Section.INDEXES, createIndex(c, false));
                o.down.add("drop index" + drop);
            } else {
                o.later(LaterSection.INDEXES, createIndex(c, true));
                o.laterDown.add("drop index concurrently" + drop);
            }
        } else if (change instanceof DropIndex c) {
            // an index that exists is on a table that exists
            o.later(LaterSection.INDEXES, "drop index concurrently if exists " + c.index().sql() + ";");
            o.laterDown.add(concurrentlyIfNotExists(c.definition()) + ";");
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
            // A bucket that is there when this runs was made by someone else, and the down script below
            // deletes the bucket: so this refuses it rather than skip it (the planner says "already there" earlier).
            o.up(Section.TABLES, doBlock("begin\n  if exists (select 1 from storage.buckets where id = " + Sql.literal(c.id()) + ") then\n"
                    + "    raise exception 'bucket % already exists: this migration creates it, and its down script deletes it', " + Sql.literal(c.id())
                    + "\n      using hint = 'plan the request again: pgpilot leaves out what is already there';\n  end if;\n"
                    + "  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)\n  values ("
                    + Sql.literal(c.id()) + ", " + Sql.literal(c.id()) + ", " + c.isPublic() + ", " + (c.sizeLimit() == null ? "null" : c.sizeLimit())
                    + ", " + mimes + ");\nend"));
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
        // the timestamps every new table has, unless the request defined them itself
        if (c.columns().stream().noneMatch(x -> x.name().equals("created_at"))) lines.add("  \"created_at\" timestamptz not null default now()");
        if (!c.junction() && c.columns().stream().noneMatch(x -> x.name().equals("updated_at"))) lines.add("  \"updated_at\" timestamptz not null default now()");
        if (key.size() > 1) lines.add("  primary key (" + String.join(", ", key.stream().map(Sql::ident).toList()) + ")");
        o.up(Section.TABLES, "create table if not exists " + c.table().sql() + " (\n" + String.join(",\n", lines) + "\n);");
        for (int i = 0; i < c.columns().size(); i++) {
            ColumnDef col = c.columns().get(i);
            // the primary key's index covers its first column, and a unique column has its unique index already
            if (col.references() == null || key.get(0).equals(col.name()) || col.unique()) continue;
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

    /**
     * VALIDATE CONSTRAINT in the migration after this one: it scans the rows without blocking writes.
     * Its down puts the constraint back as the previous migration left it, NOT VALID (PostgreSQL has
     * no "unvalidate": drop and re-add in one statement, so no moment is without the constraint).
     */
    private static void validateLater(QualifiedName table, String constraint, String add, Out o) {
        o.later(LaterSection.VALIDATE, alter(table) + " validate constraint " + Sql.ident(constraint) + ";");
        o.laterDown.add("-- " + Sql.comment(constraint).replace("*/", "* /") + " back to NOT VALID, as the previous migration added it");
        o.laterDown.add(doBlock("begin\n  " + alter(table) + " drop constraint if exists " + Sql.ident(constraint) + ";\n  " + add + " not valid;\nend"));
    }

    private static String createIndex(CreateIndex c, boolean concurrently) {
        String cols;
        if (c.fullText()) {
            cols = "to_tsvector('english'::regconfig, " + String.join(" || ' ' || ", c.columns().stream().map(x -> "coalesce(" + Sql.ident(x) + ", '')").toList()) + ")";
        } else {
            cols = String.join(", ", c.columns().stream().map(x -> Sql.ident(x) + (c.descending().contains(x) ? " desc" : "")).toList());
        }
        return "create " + (c.unique() ? "unique " : "") + "index " + (concurrently ? "concurrently " : "") + "if not exists " + Sql.ident(c.name()) + " on " + c.table().sql()
                + (c.fullText() || c.gin() ? " using gin" : "") + " (" + cols + ")" + (c.where() == null ? "" : " where " + c.where()) + ";";
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

    private static String concurrentlyIfNotExists(String indexDef) {
        return indexDef.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ");
    }

    private static String trim63(String n) {
        return n.length() <= 63 ? n : n.substring(0, 63);
    }
}
