package dev.pgpilot.core.render;

import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** Statement shapes several change kinds write. */
final class Ddl {
    private Ddl() {}

    static String alter(QualifiedName t) {
        return "alter table " + t.sql();
    }

    /** Text for a {@code --} line that cannot end a block comment either. */
    static String commentText(String text) {
        return Quote.comment(text).replace("*/", "* /");
    }

    /**
     * An anonymous block. Its body holds quoted values from the request (enum labels), so the
     * dollar-quote tag is one the body does not contain: a value with $$ in it cannot end the
     * block early and run as SQL.
     */
    static String doBlock(String body) {
        String tag = "$$";
        for (int i = 1; body.contains(tag); i++) tag = "$pgpilot" + i + "$";
        return "do " + tag + "\n" + body + "\n" + tag + ";";
    }

    /**
     * A constraint added only when that table has none of that name. Not "exception when
     * duplicate_object then null": that also swallows a clash with another object of the name and
     * reports success while the new constraint does not exist.
     */
    static String unlessConstraint(QualifiedName table, String name, String ddl) {
        return doBlock("begin\n  if not exists (select 1 from pg_constraint where conrelid = " + Quote.literal(table.sql()) + "::regclass and conname = "
                + Quote.literal(name) + ") then\n    " + ddl + "\n  end if;\nend");
    }

    static String restoreDefault(QualifiedName t, String column, String previous) {
        return alter(t) + " alter column " + Quote.ident(column) + (previous == null ? " drop default;" : " set default " + previous + ";");
    }

    /** A name PostgreSQL keeps whole (identifiers are cut at 63 bytes). */
    static String trim63(String n) {
        return n.length() <= 63 ? n : n.substring(0, 63);
    }
}
