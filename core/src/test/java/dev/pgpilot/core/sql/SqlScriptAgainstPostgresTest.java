package dev.pgpilot.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.PSQLException;

/**
 * The splitter against the real server. For every corpus script: sent whole as one simple-protocol
 * query, the server executes exactly as many statements as we split (counted from its per-statement
 * replies); every piece sent alone is exactly one statement and succeeds; and both ways leave the
 * same catalog and row counts. Then: a server error position in a multi-statement script maps back to
 * the right line.
 */
class SqlScriptAgainstPostgresTest {
    private static DatabaseTarget db;

    @BeforeAll
    static void database() {
        db = TestDatabase.fresh();
    }

    /**
     * Simple query protocol and no JDBC escape processing: the driver sends the text untouched as
     * one query instead of splitting it with its own parser, so the server alone decides where
     * statements end and error positions count from the start of our text.
     */
    private static Connection simpleQueryConnection() throws SQLException {
        Properties p = new Properties();
        if (db.user() != null) p.setProperty("user", db.user());
        if (db.password() != null) p.setProperty("password", db.password());
        p.setProperty("preferQueryMode", "simple");
        Connection c = DriverManager.getConnection(db.jdbcUrl(), p);
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Number of statements the server completed for one simple-protocol query message: one
     * CommandComplete (or row set) per statement, counted at the driver's protocol layer because
     * JDBC's getMoreResults() cannot tell "no more results" from a CALL's missing update count.
     */
    private static int executedStatements(Connection c, String sql) throws SQLException {
        QueryExecutor executor = c.unwrap(PgConnection.class).getQueryExecutor();
        CachedQuery query = executor.createQuery(sql, false, false);
        assertNull(query.query.getSubqueries(), "the driver sends the text as one query, unsplit");
        int[] completed = {0};
        ResultHandlerBase handler = new ResultHandlerBase() {
            @Override
            public void handleResultRows(Query q, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
                completed[0]++;
            }

            @Override
            public void handleCommandStatus(String status, long updateCount, long insertOid) {
                completed[0]++;
            }
        };
        executor.execute(query.query, query.query.createParameterList(), handler, 0, 0,
                QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_SUPPRESS_BEGIN);
        return completed[0];
    }

    /** Objects outside the system schemas, function definitions, policies and row counts. */
    private static final String FINGERPRINT = """
            select coalesce(string_agg(x, E'\\n' order by x), '') from (
              select 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text as x
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
                 and n.nspname not like 'pg_temp%'
              union all
              select 'fn ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid))
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname not in ('pg_catalog', 'information_schema') and p.prokind in ('f', 'p')
              union all
              select 'policy ' || polrelid::regclass::text || ' ' || polname from pg_policy
              union all
              select 'type ' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
               where n.nspname = 'public'
              union all
              select 'enum ' || enumtypid::regtype::text || ' ' || enumlabel from pg_enum
              union all
              select 'rows ' || n.nspname || '.' || c.relname || ' '
                     || (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where c.relkind in ('r', 'm') and n.nspname in ('public', 'auth', 'storage')
            ) objects""";

    private static String fingerprint(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(SqlScriptAgainstPostgresTest.class.getResource("/sql/corpus").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "the corpus has its scripts");
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void serverExecutesTheSameStatementsWholeAsSplit(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<SqlStatement> statements = SqlScript.parse(text).statements();
        try (Connection c = simpleQueryConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true); // transactions opened and rolled back by hand around protocol-level runs
            String before = fingerprint(st);

            st.execute("begin");
            // A marker statement after the script: a script of only comments would otherwise get the
            // server's "empty query" reply, which the driver reports like a statement.
            int executed = executedStatements(c, text + "\n;select 'end of script'") - 1;
            assertEquals(statements.size(), executed, "statements the server ran for the whole of " + file.getFileName());
            String whole = fingerprint(st);
            st.execute("rollback");

            st.execute("begin");
            for (SqlStatement s : statements) {
                assertEquals(1, executedStatements(c, s.sql()),
                        "line " + s.line() + " of " + file.getFileName() + " is exactly one statement: " + s.sql());
            }
            String split = fingerprint(st);
            st.execute("rollback");

            assertEquals(whole, split, "whole and split runs leave the same database");
            assertEquals(before, fingerprint(st), "rolled back");
        }
    }

    @Test
    void corpusCoversEveryRuleWithMoreThanOneStatementOnAverage() throws Exception {
        int total = 0;
        int files = 0;
        for (Path f : corpus().toList()) {
            total += SqlScript.parse(Files.readString(f)).statements().size();
            files++;
        }
        assertTrue(total > 2 * files, total + " statements in " + files + " files");
    }

    private static PSQLException failWhole(String script) throws SQLException {
        try (Connection c = simpleQueryConnection(); Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            try {
                return assertThrows(PSQLException.class, () -> st.execute(script));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void syntaxErrorPositionInAWholeScriptMapsToItsFileLine() throws SQLException {
        String text = """
                -- header; comment
                create table t (id int);
                create function f() returns int language plpgsql as $$
                begin
                  return 1; -- fine
                end $$;
                insert into t values (1);
                selct 2;
                select 3;
                """;
        SqlScript script = SqlScript.parse(text);
        PSQLException e = failWhole(text);
        assertNotNull(e.getServerErrorMessage());
        int position = e.getServerErrorMessage().getPosition();
        assertEquals(new LineColumn(8, 1), script.positionToLine(position));
        assertEquals("selct 2", script.statementAt(script.offsetOfServerPosition(position)).sql());
    }

    @Test
    void runtimeErrorPositionAfterNonAsciiTextMapsToItsLineAndColumn() throws SQLException {
        String text = "create table café (\"😀\" text);\n"
                + "insert into café values ('日本語; 😀😀');\n"
                + "/* 😀 */ select \"😀\" from café; select 1 from nowhere_😀_table;\n"
                + "select 2;\n";
        SqlScript script = SqlScript.parse(text);
        PSQLException e = failWhole(text);
        assertEquals("42P01", e.getSQLState());
        LineColumn at = script.positionToLine(e.getServerErrorMessage().getPosition());
        String line3 = text.split("\n")[2];
        int expectedColumn = line3.codePointCount(0, line3.indexOf("nowhere")) + 1;
        assertEquals(new LineColumn(3, expectedColumn), at);
        SqlStatement failing = script.statementAt(script.offsetOfServerPosition(e.getServerErrorMessage().getPosition()));
        assertEquals("select 1 from nowhere_😀_table", failing.sql());
        assertEquals(3, failing.line());
    }

    @Test
    void errorInsideABeginAtomicBodyMapsToTheLineInsideTheBody() throws SQLException {
        String text = """
                create function ok() returns int language sql begin atomic select 1; end;
                create function broken() returns int
                language sql
                begin atomic
                  select 1;
                  select no_such_column from pg_class;
                end;
                """;
        SqlScript script = SqlScript.parse(text);
        PSQLException e = failWhole(text);
        assertEquals(6, script.positionToLine(e.getServerErrorMessage().getPosition()).line());
        assertEquals(2, script.statementAt(script.offsetOfServerPosition(e.getServerErrorMessage().getPosition())).line());
    }
}
