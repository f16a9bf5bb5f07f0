package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;

import dev.pgpilot.core.request.ChangeRequest.EnableRls;

/** ENABLE ROW LEVEL SECURITY; the down disables it. */
final class EnableRlsRenderer implements ChangeRenderer<EnableRls> {
    @Override
    public void render(EnableRls c, ChangeSql o) {
        o.up(Section.RLS, alter(c.table()) + " enable row level security;");
        o.down.add(alter(c.table()) + " disable row level security;");
    }

    @Override
    public boolean locksExistingTable(EnableRls c) { return true; }
}
