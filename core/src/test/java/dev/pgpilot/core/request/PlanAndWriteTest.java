package dev.pgpilot.core.request;

import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pilot.plan names the file from the request; Pilot.write writes both files or neither. */
class PlanAndWriteTest {
    static Catalog catalog;
    @TempDir Path work;

    @BeforeAll
    static void load() {
        catalog = Fixture.catalog(Fixture.fresh());
    }

    private Pilot pilot() {
        return new Pilot(Pilot.Options.cli(work), Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Map.of());
    }

    @Test
    void planIsNamedAfterTheChangeWithTheNextVersion() {
        Plan plan = InternalAccess.plan(pilot(), "add notes text to public.orders", catalog);
        assertEquals("20260304050607_add_notes_to_orders.sql", plan.fileName());
        assertEquals("20260304050607_add_notes_to_orders.down.sql", plan.downFileName());
        assertTrue(plan.migration().upSql().startsWith("-- Migration: add_notes_to_orders\n"), plan.migration().upSql());
    }

    @Test
    void writingTheSamePlanTwiceFailsAndKeepsTheFirstFilesUntouched() throws Exception {
        Pilot p = pilot();
        Plan plan = InternalAccess.plan(p, "index orders on status", catalog);
        Path file = p.write(plan).get(0);
        String before = Files.readString(file);
        PilotException e = assertThrows(PilotException.class, () -> p.write(plan));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertEquals(before, Files.readString(file));
        assertEquals(2, count());
    }

    @Test
    void whenTheDownFileCannotBeWrittenTheUpFileIsRemovedToo() throws Exception {
        Pilot p = pilot();
        Plan plan = InternalAccess.plan(p, "index orders on status", catalog);
        Path dir = Workspace.open(p.workdir()).migrationsDir();
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down").resolve(plan.downFileName()), "-- someone else's file\n");
        assertThrows(PilotException.class, () -> p.write(plan));
        assertFalse(Files.exists(dir.resolve(plan.fileName())));
        assertEquals("-- someone else's file\n", Files.readString(dir.resolve("down").resolve(plan.downFileName())));
    }

    @Test
    void theDownScriptIsWrittenWhereTheSupabaseCliDoesNotLook() throws Exception {
        Pilot p = pilot();
        Plan plan = InternalAccess.plan(p, "index orders on status", catalog);
        Path up = p.write(plan).get(0);
        Path dir = Workspace.open(p.workdir()).migrationsDir();
        assertEquals(dir.resolve(plan.fileName()), up);
        assertEquals(dir.resolve("down/20260304050607_index_orders_status.down.sql"), p.downScriptOf(plan));
        assertEquals(plan.migration().downSql(), Files.readString(p.downScriptOf(plan)));
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(java.util.List.of(plan.fileName(), "down"), top.map(x -> x.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anEmptyMigrationGetsItsDownScriptInTheDownFolder() throws Exception {
        Pilot p = pilot();
        Path up = p.newEmpty("add_things");
        Path dir = Workspace.open(p.workdir()).migrationsDir();
        assertEquals(dir.resolve("20260304050607_add_things.sql"), up);
        assertTrue(Files.exists(dir.resolve("down/20260304050607_add_things.down.sql")));
        assertEquals(up, p.migrations().get(0).path());
    }

    private long count() throws Exception {
        try (Stream<Path> s = Files.walk(work)) {
            return s.filter(x -> x.toString().endsWith(".sql")).count();
        }
    }
}
