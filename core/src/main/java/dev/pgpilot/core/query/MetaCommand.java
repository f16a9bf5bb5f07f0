package dev.pgpilot.core.query;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.QueryResult;
import dev.pgpilot.core.catalog.ManagedSchemas;
import dev.pgpilot.core.target.DatabaseTarget;
import java.util.List;

/**
 * The psql-style shortcuts the shell offers: {@code \d} (relations), {@code \dt} (tables) and
 * {@code \d NAME} (a table's columns), each a catalog query run like any other read-only query.
 */
public sealed interface MetaCommand {
    QueryResult run(DatabaseTarget target);

    record Relations() implements MetaCommand {
        @Override
        public QueryResult run(DatabaseTarget target) {
            return ReadOnlyQuery.run(target, """
                    select n.nspname as schema, c.relname as name,
                           case c.relkind when 'r' then 'table' when 'p' then 'partitioned table' when 'v' then 'view'
                                          when 'm' then 'materialized view' when 'S' then 'sequence' else 'foreign table' end as type
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and %s
                    order by 1, 2""".formatted(ManagedSchemas.notSystemOrBookkeeping("n")), List.of());
        }
    }

    record Tables() implements MetaCommand {
        @Override
        public QueryResult run(DatabaseTarget target) {
            return ReadOnlyQuery.run(target, """
                    select n.nspname as schema, c.relname as name, case when c.relrowsecurity then 'on' else 'off' end as rls
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p') and %s
                    order by 1, 2""".formatted(ManagedSchemas.notSystemOrBookkeeping("n")), List.of());
        }
    }

    /** @param name a table or view as SQL names it ({@code notes}, {@code auth.users}) */
    record Describe(String name) implements MetaCommand {
        @Override
        public QueryResult run(DatabaseTarget target) {
            QueryResult r = ReadOnlyQuery.run(target, """
                    select a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
                           case when a.attnotnull then 'not null' else '' end as nullable,
                           coalesce(pg_get_expr(d.adbin, d.adrelid), '') as default
                    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                    where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped
                    order by a.attnum""", List.of(name));
            if (r.rows().isEmpty()) {
                throw PilotException.refused("no table or view named '" + name + "'", "\\dt lists the tables");
            }
            return r;
        }
    }

    /** {@code \d}, {@code \dt} or {@code \d NAME}; anything else is refused naming the word. */
    static MetaCommand parse(String text) {
        List<String> words = List.of(text.strip().split("\\s+"));
        String command = words.get(0);
        if (command.equals("\\dt") && words.size() == 1) return new Tables();
        if (command.equals("\\d") && words.size() == 1) return new Relations();
        if (command.equals("\\d") && words.size() == 2) return new Describe(words.get(1));
        if (command.equals("\\d") || command.equals("\\dt")) {
            throw PilotException.refused("'" + command + "' takes " + (command.equals("\\d") ? "at most one table name" : "no argument")
                    + ": '" + text.strip() + "'", "\\d, \\dt, \\d TABLE");
        }
        throw PilotException.refused("unknown meta-command '" + command + "'",
                "\\d lists relations, \\dt tables, \\d TABLE its columns; any other query: sql SELECT ...");
    }

    static boolean isMeta(String text) {
        return text.strip().startsWith("\\");
    }
}
