package dev.pgpilot.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SqlStatement#cannotRunInTransaction()} checked against what the server actually refuses. */
class SqlStatementAgainstPostgresTest {
    private static final String SETUP = """
            create table t (x int);
            create index t_x on t (x);
            create table p (x int) partition by range (x);
            create table p1 partition of p for values from (0) to (10)""";

    private static DatabaseTarget db;

    @BeforeAll
    static void database() {
        db = TestDatabase.fresh(); // every case rolls back, so one database serves them all
    }

    private static String sqlStateInsideATransaction(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(SETUP);
            try {
                st.execute(sql);
                return "ok";
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                c.rollback();
            }
        }
    }

    private static SqlStatement statement(String sql) {
        return SqlScript.parse(sql).statements().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create index concurrently t_x2 on t (x)",
        "CREATE UNIQUE INDEX CONCURRENTLY t_x3 ON t (x)",
        "drop index concurrently t_x",
        "reindex (verbose) index concurrently t_x",
        "reindex database",
        "reindex system",
        "vacuum t",
        "vacuum (analyze) t",
        "cluster",
        "create database never_made",
        "drop database if exists never_made",
        "alter database postgres set tablespace pg_default",
        "alter system set work_mem = '8MB'",
        "create tablespace ts location '/nonexistent'",
        "drop tablespace if exists ts",
        "discard all",
        "commit prepared 'nothing'",
        "alter table p detach partition p1 concurrently",
    })
    void flaggedStatementsAreRefusedInsideATransaction(String sql) throws SQLException {
        assertTrue(statement(sql).cannotRunInTransaction(), sql);
        assertEquals("25001", sqlStateInsideATransaction(sql), sql + " is refused inside a transaction block");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create index t_x4 on t (x)",
        "reindex table t",
        "cluster t using t_x",
        "analyze t",
        "alter table p detach partition p1",
        "discard temp",
        "create table concurrently_named (x int)",
    })
    void unflaggedStatementsRunInsideATransaction(String sql) throws SQLException {
        assertFalse(statement(sql).cannotRunInTransaction(), sql);
        assertEquals("ok", sqlStateInsideATransaction(sql), sql);
    }

    @Test
    void transactionControlIsRecognisedButABeginAtomicBodyIsNot() {
        for (String sql : new String[] {"begin", "START TRANSACTION", "commit", "end", "rollback to savepoint a", "savepoint a", "abort"}) {
            assertTrue(statement(sql).isTransactionControl(), sql);
        }
        assertFalse(statement("create function f() returns int language sql begin atomic select 1; end").isTransactionControl());
        assertFalse(statement("select 'begin'").isTransactionControl());
    }
}
