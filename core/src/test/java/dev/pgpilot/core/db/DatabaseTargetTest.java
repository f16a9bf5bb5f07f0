package dev.pgpilot.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void postgresqlUrlKeepsCredentialsOutOfTheJdbcUrl() {
        DatabaseTarget t = DatabaseTarget.parse("postgresql://app:s3cr%40t@db.example.com:6432/shop?sslmode=require", null);
        assertEquals("jdbc:postgresql://db.example.com:6432/shop?sslmode=require", t.jdbcUrl());
        assertEquals("app", t.user());
        assertEquals("s3cr@t", t.password());
        assertFalse(t.display().contains("s3cr"), t.display());
        assertEquals("db.example.com", t.host());
        assertEquals(6432, t.port());
    }

    @Test
    void jdbcUrlWithUserParameterIsAccepted() {
        DatabaseTarget t = DatabaseTarget.parse("jdbc:postgresql://127.0.0.1:5433/postgres?user=postgres&password=pw", null);
        assertEquals("jdbc:postgresql://127.0.0.1:5433/postgres", t.jdbcUrl());
        assertEquals("postgres", t.user());
        assertEquals("pw", t.password());
    }

    @Test
    void defaultsArePort5432AndDatabasePostgres() {
        DatabaseTarget t = DatabaseTarget.parse("postgres://localhost", null);
        assertEquals("jdbc:postgresql://localhost:5432/postgres", t.jdbcUrl());
        assertNull(t.user());
    }

    @Test
    void nonPostgresUrlIsRefusedWithoutPrintingThePassword() {
        PilotException e = assertThrows(PilotException.class, () -> DatabaseTarget.parse("mysql://u:topsecret@h/db", null));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        assertTrue(e.getMessage().contains("mysql://u:****@h/db"), e.getMessage());
    }

    @Test
    void supabaseTransactionPoolerIsRecognised() {
        assertTrue(DatabaseTarget.parse("postgresql://u:p@aws-0-eu.pooler.supabase.com:6543/postgres", null).looksLikeTransactionPooler());
        assertFalse(DatabaseTarget.parse("postgresql://u:p@db.x.supabase.co:5432/postgres", null).looksLikeTransactionPooler());
    }

    @Test
    void unreachableServerIsAnErrorWithAHintAndNoPassword() {
        DatabaseTarget t = DatabaseTarget.parse("postgresql://u:hunter2@127.0.0.1:1/db", null);
        PilotException e = assertThrows(PilotException.class, t::connect);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot connect to postgresql://u@127.0.0.1:1/db"), e.getMessage());
        assertEquals(PilotException.ERROR, e.exitCode());
    }
}
