package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.CreateEnum;
import dev.pgpilot.core.request.Quote;

/** CREATE TYPE ... AS ENUM unless a type of the name exists (PostgreSQL has no IF NOT EXISTS for it). */
final class CreateEnumRenderer implements ChangeRenderer<CreateEnum> {
    @Override
    public void render(CreateEnum c, ChangeSql o) {
        String values = String.join(", ", c.values().stream().map(Quote::literal).toList());
        o.up(Section.TABLES, doBlock("begin\n  if to_regtype(" + Quote.literal(c.type().sql()) + ") is null then\n    create type " + c.type().sql()
                + " as enum (" + values + ");\n  end if;\nend"));
        o.down.add("drop type if exists " + c.type().sql() + ";");
    }

    @Override
    public boolean locksExistingTable(CreateEnum c) { return false; }
}
