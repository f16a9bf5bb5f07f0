package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    @TempDir Path dir;
    Path migrations;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void workspace() throws Exception {
        migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20240101000000_orders.sql"),
                "-- orders\ncreate table if not exists public.orders (id bigint primary key, total numeric);\nalter table public.orders enable row level security;\n");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "lint";
        all[1] = "--workdir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void cleanWorkspaceExitsZeroEvenWithWarningsAndInfo() {
        assertEquals(0, run("--no-color"));
        assertTrue(out.toString().contains("0 error(s)"), out.toString());
    }

    @Test
    void errorsExitOneAndNameFileLineAndRule() throws Exception {
        Files.writeString(migrations.resolve("20240102000000_cleanup.sql"), "-- cleanup\ndelete from public.orders;\n");
        assertEquals(1, run("--no-color"));
        assertTrue(out.toString().contains("supabase/migrations/20240102000000_cleanup.sql:2:1 error ban-delete-without-where"), out.toString());
    }

    @Test
    void baselineAcceptsTodaysFindingsSoTheNextLintExitsZeroAndSaysHowManyItLeftOut() throws Exception {
        Files.writeString(migrations.resolve("20240102000000_cleanup.sql"), "-- cleanup\ndelete from public.orders;\n");
        assertEquals(0, run("--baseline"), err.toString());
        assertTrue(out.toString().matches("accepted \\d+ finding\\(s\\) in pgpilot-lint-baseline.json: lint, up and Slack ignore them from now on;"
                + " new findings still count. Commit the file.\n"), out.toString());
        assertTrue(Files.exists(dir.resolve("pgpilot-lint-baseline.json")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("--no-color"));
        assertTrue(out.toString().matches("(?s).*0 error\\(s\\), 0 warning\\(s\\), 0 info in 2 file\\(s\\) \\(\\d+ more accepted in pgpilot-lint-baseline.json\\)\n"),
                out.toString());
        assertEquals(2, run("--baseline", "supabase/migrations"), "--baseline takes no PATH");
    }

    @Test
    void ruleOptionTurnsAnErrorIntoAWarning() throws Exception {
        Files.writeString(migrations.resolve("20240102000000_cleanup.sql"), "-- cleanup\ndelete from public.orders;\n");
        assertEquals(0, run("--rule", "ban-delete-without-where=warning"));
        assertTrue(out.toString().contains("warning ban-delete-without-where"), out.toString());
    }

    @Test
    void explicitPathsAreLintedAndJsonAndSarifFormatsPrintJson() throws Exception {
        Path f = dir.resolve("adhoc.sql");
        Files.writeString(f, "truncate public.orders;\n");
        assertEquals(1, run("--format", "json", f.toString()));
        assertTrue(out.toString().contains("\"rule\" : \"ban-truncate\""), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run("--format", "sarif", f.toString()));
        assertTrue(out.toString().contains("\"version\" : \"2.1.0\""), out.toString());
    }

    @Test
    void couldNotRunExitsTwo() throws Exception {
        assertEquals(2, run(dir.resolve("missing.sql").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
        assertEquals(2, run("--rule", "no-such-rule=off"));
        assertEquals(2, run("--rule", "ban-truncate=loud"));
        Path bin = dir.resolve("binary.sql");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertEquals(2, run(bin.toString()));
        assertTrue(err.toString().contains("not UTF-8"), err.toString());
    }

    @Test
    void aMigrationWithAThreeKilobyteLiteralLintsInsteadOfCrashing() throws Exception {
        Files.writeString(migrations.resolve("20240102000000_seed.sql"),
                "-- seed\ninsert into public.orders (id, total) values (1, length('" + "x".repeat(3000) + "'));\n");
        assertEquals(0, run("--format", "json"), err.toString());
        assertTrue(out.toString().contains("\"errors\" : 0") && out.toString().contains("\"failures\" : [ ]"), out.toString());
    }

    @Test
    void anUnterminatedLiteralIsALintErrorNamingItsLine() throws Exception {
        Files.writeString(migrations.resolve("20240102000000_notes.sql"),
                "-- notes\nalter table public.orders add column if not exists note text;\nupdate public.orders set note = 'open where id = 1;\n");
        assertEquals(1, run("--no-color"));
        assertTrue(out.toString().contains("20240102000000_notes.sql:3:1 error unterminated-quote string literal ' opened on line 3 is never closed"), out.toString());
    }

    @Test
    void jsonFormatStillPrintsJsonWhenLintCannotRun() throws Exception {
        Path bin = dir.resolve("latin1.sql");
        Files.write(bin, "-- ok\nselect 1;\ncomment on table t is 'caf\u00e9';\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(2, run("--format", "json", bin.toString()));
        String json = out.toString();
        assertTrue(json.startsWith("{") && json.contains("\"error\""), json);
        assertTrue(json.contains("not UTF-8 text at line 3, column 27 (byte 0xE9)"), json);
        assertTrue(err.toString().contains("error: cannot read " + bin + ": not UTF-8 text at line 3, column 27"), err.toString());
    }
}
