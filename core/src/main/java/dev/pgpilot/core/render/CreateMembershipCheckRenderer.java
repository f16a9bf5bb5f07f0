package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.CreateMembershipCheck;
import dev.pgpilot.core.request.Quote;

/**
 * The function of a {@link CreateMembershipCheck}, with the trade-off it makes said in a comment and who may execute it;
 * the down drops it (after the policies that call it, which come later in the request).
 */
final class CreateMembershipCheckRenderer implements ChangeRenderer<CreateMembershipCheck> {
    @Override
    public void render(CreateMembershipCheck c, ChangeSql o) {
        o.up(Section.RIGHTS, create(c));
        o.down.add("drop function if exists " + signature(c) + ";");
    }

    /** A function locks no table. */
    @Override
    public boolean locksExistingTable(CreateMembershipCheck c) { return false; }

    private static String signature(CreateMembershipCheck c) {
        return c.function().sql() + "(" + c.keyType() + ")";
    }

    private static String create(CreateMembershipCheck c) {
        String f = signature(c);
        String link = Quote.comment(c.link().display());
        String key = Quote.comment(c.key());
        // $1, not the argument's name: inside a SQL function a column of the same name would win over it
        String body = "  select exists (select 1 from " + c.link().sql() + " m where m." + Quote.ident(c.key()) + " = $1 and m.\"user_id\" = (select auth.uid()))";
        return "-- " + Quote.comment(c.function().display()) + "(" + key + "): is the signed-in user in " + link + " for this " + key + "?\n"
                + "-- SECURITY DEFINER: a policy on " + link + " that read " + link + " itself would recurse (PostgreSQL stops it as infinite\n"
                + "-- recursion), so this function reads it with its owner's rights. The trade-off: row level security does not guard what it\n"
                + "-- reads, so it returns only true or false, and only about the caller; its search_path is empty (every name in it is\n"
                + "-- qualified), so nobody can slip another table or function in; anon may not execute it. Whoever may add rows to " + link + "\n"
                + "-- decides who is a member: keep that to the service role or admins.\n"
                + "create or replace function " + f + " returns boolean\n"
                + "  language sql stable security definer set search_path = ''\n"
                + "as $$\n" + body + "\n$$;\n"
                + "revoke execute on function " + f + " from public, anon;\n"
                + "grant execute on function " + f + " to authenticated;";
    }
}
