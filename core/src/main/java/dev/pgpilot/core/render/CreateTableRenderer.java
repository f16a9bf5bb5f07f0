package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.trim63;

import dev.pgpilot.core.request.ChangeRequest.AddUpdatedAtTrigger;
import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.ChangeRequest.CreateTable;
import dev.pgpilot.core.request.ColumnDef;
import dev.pgpilot.core.request.RightsTables;
import dev.pgpilot.core.request.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * A new table in the house style: a uuid id unless the request named the key, created_at and
 * updated_at, an index on each foreign key, RLS on, owner policies when it has an owner, and the
 * updated_at trigger.
 */
final class CreateTableRenderer implements ChangeRenderer<CreateTable> {
    private static final String UID = "(select auth.uid())";

    @Override
    public void render(CreateTable c, ChangeSql o) {
        List<String> lines = new ArrayList<>();
        List<String> key = c.keyColumns();
        if (key.equals(List.of("id")) && c.primaryKey().isEmpty()) lines.add("  \"id\" uuid primary key default gen_random_uuid()");
        for (ColumnDef col : c.columns()) lines.add("  " + (key.size() == 1 && key.get(0).equals(col.name()) ? primaryKey(col) : col.sql()));
        // the timestamps every new table has, unless the request defined them itself
        if (c.columns().stream().noneMatch(x -> x.name().equals("created_at"))) lines.add("  \"created_at\" timestamptz not null default now()");
        if (!c.junction() && c.columns().stream().noneMatch(x -> x.name().equals("updated_at"))) lines.add("  \"updated_at\" timestamptz not null default now()");
        if (key.size() > 1) lines.add("  primary key (" + String.join(", ", key.stream().map(Quote::ident).toList()) + ")");
        o.up(Section.TABLES, "create table if not exists " + c.table().sql() + " (\n" + String.join(",\n", lines) + "\n);");
        for (int i = 0; i < c.columns().size(); i++) {
            ColumnDef col = c.columns().get(i);
            // the primary key's index covers its first column, and a unique column has its unique index already
            if (col.references() == null || key.get(0).equals(col.name()) || col.unique()) continue;
            String idx = trim63("idx_" + c.table().name() + "_" + col.name());
            o.up(Section.INDEXES, "create index if not exists " + Quote.ident(idx) + " on " + c.table().sql() + " (" + Quote.ident(col.name()) + ");");
        }
        o.up(Section.RLS, alter(c.table()) + " enable row level security;");
        if (c.ownerColumn() != null) {
            String own = UID + " = " + Quote.ident(c.ownerColumn());
            // a user who could insert or update their own row in admins/members/roles would grant themselves those rights
            boolean grantsRights = RightsTables.byName(c.table().name());
            String note = grantsRights ? c.table().name() + " grants rights: users may read their own rows only; add rows with the service role" : null;
            for (String cmd : grantsRights ? List.of("select") : List.of("select", "insert", "update", "delete")) {
                String name = trim63(c.table().name() + "_" + cmd + "_own");
                o.up(Section.POLICIES, CreatePolicyRenderer.policy(new CreatePolicy(c.table(), name, cmd, List.of("authenticated"),
                        cmd.equals("insert") ? null : own, cmd.equals("insert") || cmd.equals("update") ? own : null, false, false, note)));
            }
        }
        if (!c.junction()) {
            o.needsFunction = true;
            o.up(Section.FUNCTIONS, AddUpdatedAtTriggerRenderer.trigger(c.table(), new AddUpdatedAtTrigger(c.table(), false).triggerName()));
        }
        o.createsFunction = c.createsUpdatedAtFunction() && !c.junction();
        o.down.add("drop table if exists " + c.table().sql() + ";");
    }

    /** A new table's foreign keys lock the tables they reference. */
    @Override
    public boolean locksExistingTable(CreateTable c) {
        return c.columns().stream().anyMatch(col -> col.references() != null);
    }

    /** The column with "primary key" right after its type: "id" uuid primary key references ... */
    private static String primaryKey(ColumnDef col) {
        String head = Quote.ident(col.name()) + " " + col.type();
        return head + " primary key" + col.sql().substring(head.length());
    }
}
