package dev.pgpilot.core.request;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The schema the plain-English tests start from (a copy of the eval's base.sql and helpers.sql),
 * built once as a template database; each test gets its own copy.
 */
final class Fixture {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseTarget template;

    private Fixture() {}

    static synchronized DatabaseTarget fresh() {
        if (template == null) {
            template = TestDatabase.fresh();
            try (Connection c = template.connect(); Statement s = c.createStatement()) {
                s.execute(resource("/nl/base.sql"));
                s.execute(resource("/nl/helpers.sql"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return copyOf(template);
    }

    /** A fresh copy with a test's own schema and rows on top. */
    static DatabaseTarget freshWith(String sql) throws SQLException {
        DatabaseTarget db = fresh();
        exec(db, sql);
        return db;
    }

    /** A new database made from {@code template}, for a test of its own. */
    static DatabaseTarget copyOf(DatabaseTarget template) {
        String tpl = template.jdbcUrl().replaceAll("^.*/([^/?]+).*$", "$1");
        String name = "nl" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = TestDatabase.server().connect(); Statement s = c.createStatement()) {
            s.execute("create database " + name + " template " + tpl);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return TestDatabase.server().withDatabase(name);
    }

    static String resource(String path) {
        try (InputStream in = Fixture.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Catalog catalog(DatabaseTarget db) {
        try (Connection c = db.connect()) {
            return Catalog.load(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(DatabaseTarget db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs a migration as pgpilot's applier does: in one go, or, when it holds a statement that
     * cannot run in a transaction (CREATE INDEX CONCURRENTLY), statement by statement.
     */
    static void run(DatabaseTarget db, String sql) throws SQLException {
        var statements = dev.pgpilot.core.sql.SqlScript.parse(sql).statements();
        if (statements.stream().noneMatch(dev.pgpilot.core.sql.SqlStatement::cannotRunInTransaction)) {
            exec(db, sql);
            return;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (var st : statements) s.execute(st.sql());
        }
    }

    /** Runs statements (separated by ";" at line ends) on one session and returns the first column of the last result. */
    static String query(DatabaseTarget db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String last = null;
            for (String stmt : script.split(";\\s*\\n")) {
                if (stmt.isBlank()) continue;
                if (s.execute(stmt)) {
                    try (ResultSet rs = s.getResultSet()) {
                        last = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            return last;
        }
    }

    /** Everything a migration can change, as text, for before/after comparisons. */
    static List<String> snapshot(DatabaseTarget db) throws SQLException {
        List<String> out = new ArrayList<>();
        String[] queries = {
            "select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || a.attidentity::text "
                + "from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
                + "where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped order by 1",
            "select pg_get_indexdef(indexrelid) from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by 1",
            "select c.relname || ' ' || x.conname || ' ' || pg_get_constraintdef(x.oid) from pg_constraint x join pg_class c on c.oid = x.conrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by 1",
            "select relname || ' rls=' || relrowsecurity || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '') from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and relkind = 'r' order by 1",
            "select tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') from pg_policies where schemaname = 'public' order by 1",
            "select tgname || ' on ' || tgrelid::regclass from pg_trigger where not tgisinternal order by 1",
            "select t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by 1",
            "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' order by 1",
            "select id || ' ' || public || ' ' || coalesce(file_size_limit, 0) from storage.buckets order by 1",
        };
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
