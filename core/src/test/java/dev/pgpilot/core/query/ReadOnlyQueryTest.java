package dev.pgpilot.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.QueryResult;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shell's sql command and meta-commands against the real embedded PostgreSQL: reads work, nothing can write. */
class ReadOnlyQueryTest {
    private DatabaseTarget db;

    @BeforeEach
    void database() throws SQLException {
        db = TestDatabase.fresh();
        exec("create table public.notes (id bigint primary key, body text not null default 'x', tags jsonb)");
        exec("create sequence public.note_numbers");
        exec("insert into public.notes values (1, 'first', '{\"a\": 1}'), (2, 'second', null)");
    }

    @Test
    void aQueryReturnsItsColumnsAndRowsAsText() {
        QueryResult r = ReadOnlyQuery.run(db, "select id, body, tags ? 'a' as has_a from public.notes order by id");
        assertEquals(List.of("id", "body", "has_a"), r.columns());
        assertEquals(List.of(List.of("1", "first", "t"), Arrays.asList("2", "second", null)), r.rows());
    }

    @Test
    void writesAreRefusedByTheReadOnlyTransactionAndChangeNothing() throws SQLException {
        for (String write : List.of("insert into public.notes values (3, 'third')", "delete from public.notes",
                "create table public.other (id int)", "select nextval('public.note_numbers')",
                "set transaction read write")) {
            PilotException e = assertThrows(PilotException.class, () -> ReadOnlyQuery.run(db, write), write);
            assertEquals(PilotException.REFUSED, e.exitCode(), write);
            assertTrue(e.getMessage().contains("read-only transaction") || e.getMessage().contains("read-write mode")
                    || e.getMessage().contains("query failed"), write + ": " + e.getMessage());
        }
        PilotException insert = assertThrows(PilotException.class, () -> ReadOnlyQuery.run(db, "insert into public.notes values (3, 'third')"));
        assertEquals("sql only reads: cannot execute INSERT in a read-only transaction; nothing was changed", insert.getMessage());
        assertTrue(insert.hint().startsWith("changes go through migrations"), insert.hint());
        assertEquals(2, count("select count(*) from public.notes"));
        assertEquals(0, count("select count(*) from pg_class where relname = 'other'"));
    }

    @Test
    void aCommitCannotEndTheReadOnlyTransactionEarly() throws SQLException {
        PilotException twice = assertThrows(PilotException.class, () -> ReadOnlyQuery.run(db, "commit; delete from public.notes"));
        assertEquals("one query at a time: found 2 statements", twice.getMessage());
        PilotException commit = assertThrows(PilotException.class, () -> ReadOnlyQuery.run(db, "commit"));
        assertTrue(commit.getMessage().contains("'commit' is not run"), commit.getMessage());
        assertEquals(2, count("select count(*) from public.notes"));
    }

    @Test
    void metaCommandsListTablesAndDescribeOne() {
        QueryResult tables = MetaCommand.parse("\\dt").run(db);
        assertEquals(List.of("schema", "name", "rls"), tables.columns());
        assertTrue(tables.rows().contains(List.of("public", "notes", "off")), tables.rows().toString());
        assertTrue(tables.rows().contains(List.of("auth", "users", "off")) || tables.rows().stream().anyMatch(r -> r.get(1).equals("users")),
                tables.rows().toString());
        QueryResult notes = MetaCommand.parse("\\d notes").run(db);
        assertEquals(List.of(List.of("id", "bigint", "not null", ""), List.of("body", "text", "not null", "'x'::text"),
                List.of("tags", "jsonb", "", "")), notes.rows());
        assertTrue(MetaCommand.parse("\\d").run(db).rows().contains(List.of("public", "notes", "table")));
    }

    @Test
    void anUnknownMetaCommandOrTableIsNamed() {
        assertEquals("unknown meta-command '\\dx'", assertThrows(PilotException.class, () -> MetaCommand.parse("\\dx")).getMessage());
        assertEquals("no table or view named 'nope'", assertThrows(PilotException.class, () -> MetaCommand.parse("\\d nope").run(db)).getMessage());
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
