package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.SetTriggerEnabled;
import dev.pgpilot.core.request.Quote;

/** ALTER TABLE ... DISABLE/ENABLE TRIGGER: the trigger stays defined; the down switches it back. */
final class SetTriggerEnabledRenderer implements ChangeRenderer<SetTriggerEnabled> {
    @Override
    public void render(SetTriggerEnabled c, ChangeSql o) {
        o.up(Section.FUNCTIONS, statement(c, c.enabled()));
        o.down.add(statement(c, !c.enabled()));
    }

    private static String statement(SetTriggerEnabled c, boolean enabled) {
        return "alter table " + c.table().sql() + (enabled ? " enable" : " disable") + " trigger " + Quote.ident(c.name()) + ";";
    }

    /** ALTER TABLE ... DISABLE TRIGGER takes SHARE ROW EXCLUSIVE, which blocks writes while it waits. */
    @Override
    public boolean locksExistingTable(SetTriggerEnabled c) { return true; }
}
