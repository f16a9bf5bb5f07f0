package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.CreateRightsCheck;
import dev.pgpilot.core.request.Quote;

/**
 * The function of a {@link CreateRightsCheck}, with the trade-off it makes said in a comment and who may execute it;
 * the down drops it (after the policies that call it, which come later in the request).
 */
final class CreateRightsCheckRenderer implements ChangeRenderer<CreateRightsCheck> {
    @Override
    public void render(CreateRightsCheck c, ChangeSql o) {
        o.up(Section.RIGHTS, create(c));
        o.down.add("drop function if exists " + c.function().sql() + "();");
    }

    /** A function locks no table. */
    @Override
    public boolean locksExistingTable(CreateRightsCheck c) { return false; }

    private static String create(CreateRightsCheck c) {
        String f = c.function().sql() + "()";
        String table = Quote.comment(c.table().display());
        String says = Quote.comment(c.condition()).replace("*/", "* /");
        // the only table in it: its columns need no alias, and the function has no parameter they could be taken for
        String body = "  select exists (select 1 from " + c.table().sql() + " where " + Quote.ident(c.userColumn()) + " = (select auth.uid()) and " + c.condition() + ")";
        // the condition holds quoted values from the request: a tag the body does not contain, so none can end the body early
        String tag = "$$";
        for (int i = 1; body.contains(tag); i++) tag = "$pgpilot" + i + "$";
        return "-- " + Quote.comment(c.function().display()).replace("*/", "* /") + "(): does the signed-in user's own row of " + table + " say " + says + "?\n"
                + "-- SECURITY DEFINER: it reads " + table + " with its owner's rights, because a plain subquery in a policy sees only the rows\n"
                + "-- the policies of " + table + " show the caller (with none, no rows: the policy would grant nobody anything).\n"
                + "-- The trade-off: row level security does not guard what it reads, so it reads nothing but the caller's own row and\n"
                + "-- returns only true or false; its search_path is empty (every name in it is qualified), so nobody can slip another\n"
                + "-- table or function in; anon may not execute it. Whoever may change " + table + " rows decides who has this right:\n"
                + "-- keep them to the service role.\n"
                + "create or replace function " + f + " returns boolean\n"
                + "  language sql stable security definer set search_path = ''\n"
                + "as " + tag + "\n" + body + "\n" + tag + ";\n"
                + "revoke execute on function " + f + " from public, anon;\n"
                + "grant execute on function " + f + " to authenticated;";
    }
}
