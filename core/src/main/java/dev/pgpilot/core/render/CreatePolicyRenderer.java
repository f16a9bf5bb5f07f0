package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.CreatePolicy;
import dev.pgpilot.core.request.Quote;

/** CREATE POLICY (turning RLS on first when the table has it off); the down drops it. */
final class CreatePolicyRenderer implements ChangeRenderer<CreatePolicy> {
    @Override
    public void render(CreatePolicy c, ChangeSql o) {
        if (c.enableRls()) o.up(Section.RLS, alter(c.table()) + " enable row level security;");
        o.up(Section.POLICIES, policy(c));
        o.down.add("drop policy if exists " + Quote.ident(c.name()) + " on " + c.table().sql() + ";");
        if (c.enableRls()) o.down.add(alter(c.table()) + " disable row level security;");
    }

    @Override
    public boolean locksExistingTable(CreatePolicy c) { return true; }

    /** The policy, with its note as a comment above it; a new table's owner policies are written the same way. */
    static String policy(CreatePolicy c) {
        String note = c.note() == null ? "" : "-- " + Quote.comment(c.note()) + "\n";
        StringBuilder b = new StringBuilder("create policy ");
        b.append(Quote.ident(c.name())).append(" on ").append(c.table().sql())
                .append("\n  as ").append(c.restrictive() ? "restrictive" : "permissive").append(" for ").append(c.command())
                .append("\n  to ").append(String.join(", ", c.roles().stream().map(r -> r.equals("public") ? "public" : Quote.ident(r)).toList()));
        if (c.using() != null) b.append("\n  using (").append(c.using()).append(")");
        if (c.withCheck() != null) b.append("\n  with check (").append(c.withCheck()).append(")");
        // created only when missing, never dropped first: a policy of that name is an earlier migration's (the planner refused it)
        String create = b.append(";").toString().replace("\n", "\n    ");
        return note + doBlock("begin\n  if not exists (select 1 from pg_policies where schemaname = " + Quote.literal(c.table().schema())
                + " and tablename = " + Quote.literal(c.table().name()) + " and policyname = " + Quote.literal(c.name()) + ") then\n    "
                + create + "\n  end if;\nend");
    }
}
