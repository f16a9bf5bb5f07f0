package dev.pgpilot.core.target;

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

    @Test
    void aPasswordWithAnUnescapedAtHashOrSlashIsRefusedInsteadOfTargetingLocalhost() {
        for (String url : java.util.List.of("postgresql://app:p@ss@db.example.com:5432/shop", "postgresql://app:pa#ss@db.example.com:5432/shop",
                "postgresql://app:pa/ss@db.example.com:5432/shop", "postgresql://app:secret@db.example.com:54x2/shop")) {
            PilotException e = assertThrows(PilotException.class, () -> DatabaseTarget.parse(url, null), url);
            assertEquals(PilotException.ERROR, e.exitCode(), url);
            assertTrue(e.getMessage().startsWith("malformed database URL"), e.getMessage());
            for (String secretPart : java.util.List.of("p@ss", "ss@", "pa#ss", "#ss", "pa/ss", "/ss", "secret")) {
                assertFalse(e.getMessage().contains(secretPart), url + " -> " + e.getMessage());
            }
        }
    }

    @Test
    void aBlankUrlIsRefused() {
        assertEquals(PilotException.ERROR, assertThrows(PilotException.class, () -> DatabaseTarget.parse(" ", null)).exitCode());
    }

    @Test
    void secretParametersAreNeverDisplayedWhateverTheirCase() {
        DatabaseTarget t = DatabaseTarget.parse("postgresql://app@db.example.com/shop?sslmode=verify-full&sslpassword=k3y&PASSWORD=pw1", null);
        assertEquals("pw1", t.password());
        assertFalse(t.display().contains("k3y") || t.display().contains("pw1"), t.display());
        assertTrue(t.jdbcUrl().contains("sslpassword=k3y"), "the driver still gets the key password: " + t.jdbcUrl());
        String redacted = DatabaseTarget.redact("postgresql://app:pa/ss@db/x?sslpassword=k3y&Password=pw1");
        assertFalse(redacted.contains("ss@") || redacted.contains("k3y") || redacted.contains("pw1") || redacted.contains("pa/"), redacted);
    }

    @Test
    void aBlankDbUrlOptionIsRefusedNotReplacedByTheEmbeddedDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // the embedded database must never be the answer here: starting it fails the test
        java.util.function.Supplier<DatabaseTarget> noLocal = () -> { throw new AssertionError("the embedded database was chosen"); };
        TargetResolver resolver = new TargetResolver(dev.pgpilot.core.workspace.Workspace.open(dir), java.util.Map.of(), noLocal);
        PilotException e = assertThrows(PilotException.class, () -> resolver.resolve(" ", null));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertEquals("empty database URL", e.getMessage());
        TargetResolver blankEnv = new TargetResolver(dev.pgpilot.core.workspace.Workspace.open(dir), java.util.Map.of("DATABASE_URL", "  "), noLocal);
        assertEquals(PilotException.ERROR, assertThrows(PilotException.class, () -> blankEnv.resolve(null, null)).exitCode());
    }
}
