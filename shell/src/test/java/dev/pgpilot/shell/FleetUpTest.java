package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.Golden;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code up --targets FILE} on the real command line: summary, --json per target, exit codes. */
class FleetUpTest {

    private static Path project(List<DatabaseTarget> dbs) throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-fleet-cli");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20260101000001_notes.sql"), "create table public.notes (id int primary key);\n");
        Files.writeString(m.resolve("20260101000002_tags.sql"), "create table public.tags (id int primary key);\n");
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < dbs.size(); i++) targets.append("tenant").append(i + 1).append(' ').append(TestDatabase.url(dbs.get(i))).append('\n');
        Files.writeString(dir.resolve("tenants.txt"), targets.toString());
        return dir;
    }

    private static List<DatabaseTarget> databases(int n) {
        List<DatabaseTarget> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(TestDatabase.fresh());
        return out;
    }

    private static long versions(DatabaseTarget db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_class where oid = to_regclass('supabase_migrations.schema_migrations')")) {
            rs.next();
            if (rs.getLong(1) == 0) return 0;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from supabase_migrations.schema_migrations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void jsonHasOneObjectPerTargetAndExitsZeroWhenAllAreApplied() throws Exception {
        List<DatabaseTarget> dbs = databases(3);
        Path dir = project(dbs);
        Cli.Run r = Cli.run(dir, "up", "--targets", dir.resolve("tenants.txt").toString(), "--yes", "--json");
        assertEquals(0, r.exit(), r.all());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(3, root.get("targets").size());
        for (JsonNode t : root.get("targets")) {
            assertEquals("applied", t.get("state").asText(), t.toString());
            assertEquals("[\"20260101000001\",\"20260101000002\"]", t.get("applied").toString());
        }
        assertEquals(3, root.get("summary").get("applied").asInt());
        for (DatabaseTarget db : dbs) assertEquals(2, versions(db));
    }

    @Test
    void aFailingTargetIsNamedInTheSummaryTheRestAreNotStartedAndExitIsOne() throws Exception {
        List<DatabaseTarget> dbs = databases(4);
        Path dir = project(dbs);
        try (Connection c = dbs.get(1).connect(); Statement s = c.createStatement()) {
            s.execute("create table public.tags (x int)");
        }
        Cli.Run r = Cli.run(dir, "up", "--targets", dir.resolve("tenants.txt").toString(), "--parallel", "1", "--yes");
        assertEquals(1, r.exit(), r.all());
        String normalised = r.out().replaceAll("\\(\\d+\\.\\d s\\)", "(N s)").replaceAll("\\d+ ms", "N ms")
                .replace(TestDatabase.url(dbs.get(1)).replaceFirst("^postgresql://", ""), "DB");
        Golden.assertMatches("fleet/failing-target-summary.txt", normalised);
        assertEquals(0, versions(dbs.get(2)), "tenant3 was not started");
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsApplied() throws Exception {
        List<DatabaseTarget> dbs = databases(2);
        Path dir = project(dbs);
        Cli.Run r = Cli.run(dir, "up", "--targets", dir.resolve("tenants.txt").toString());
        assertEquals(1, r.exit(), r.all());
        assertEquals("error: up not run: no terminal to confirm on\nhint: pass --yes to confirm\n", r.err());
        for (DatabaseTarget db : dbs) assertEquals(0, versions(db));
    }

    @Test
    void aBadLineInTheTargetsFileStopsBeforeAnyTargetNamingTheLine() throws Exception {
        List<DatabaseTarget> dbs = databases(1);
        Path dir = project(dbs);
        Files.writeString(dir.resolve("tenants.txt"), "tenant2 not a url\n", java.nio.file.StandardOpenOption.APPEND);
        Cli.Run r = Cli.run(dir, "up", "--targets", dir.resolve("tenants.txt").toString(), "--yes");
        assertEquals(2, r.exit(), r.all());
        assertEquals("error: tenants.txt:2: expected [NAME] URL or [NAME] VARIABLE, found 4 words\nhint: a URL with spaces must be percent-encoded\n", r.err());
        assertEquals(0, versions(dbs.get(0)));
    }
}
