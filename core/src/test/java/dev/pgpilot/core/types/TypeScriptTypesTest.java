package dev.pgpilot.core.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.drift.ShadowReplay;
import dev.pgpilot.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated types on a real schema, checked by the real TypeScript compiler. Needs node and npm:
 * typescript@5 is installed once from the npm registry into a cache folder ({@link dev.pgpilot.core.NpmTool}) and reused.
 */
class TypeScriptTypesTest {
    static String types;

    @BeforeAll
    static void generate() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-types");
        Path migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
        for (String f : List.of("20240101000000_notes.sql", "20240102000000_functions.sql")) {
            try (InputStream in = TypeScriptTypesTest.class.getResourceAsStream("/drift/" + f)) {
                Files.write(migrations.resolve(f), in.readAllBytes());
            }
        }
        DatabaseTarget db = TestDatabase.fresh();
        ShadowReplay.replay(db, Workspace.open(dir).migrations(), null);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    create type public.address as (street text, zip int);
                    create table public.profiles (
                      id uuid primary key references auth.users (id),
                      tags text[] not null default '{}',
                      settings jsonb,
                      home public.address,
                      moods public.mood[],
                      score numeric,
                      "display name" varchar(80)
                    );
                    create function public.search_notes(q text, lim int default 10) returns setof public.notes
                      language sql stable as $$ select * from public.notes where title ilike q limit lim $$;
                    create function public.recent_titles(p_owner uuid, lim int default 5)
                      returns table (note_id bigint, note_title text)
                      language sql stable as $$ select id, title from public.notes where owner = p_owner limit lim $$;
                    create function public.note_stats(p_owner uuid default null, out total bigint, out latest timestamptz)
                      language sql stable as $$ select count(*), max(created_at) from public.notes where owner = p_owner $$;
                    """);
        }
        types = TypeScriptTypes.render(TypeCatalog.read(db));
    }

    @Test
    void rowInsertAndUpdateFollowNullabilityDefaultsAndIdentity() {
        assertTrue(types.contains("""
                      notes: {
                        Row: {
                          id: number
                          owner: string
                          title: string
                          body: string | null
                          mood: Database["public"]["Enums"]["mood"] | null
                          title_length: number | null
                          created_at: string
                        }
                        Insert: {
                          id?: never
                          owner: string
                          title: string
                          body?: string | null
                          mood?: Database["public"]["Enums"]["mood"] | null
                          title_length?: never
                          created_at?: string
                        }
                """), types);
        assertTrue(types.contains("mood: \"happy\" | \"sad\""), types);
        assertTrue(types.contains("tags: string[]"), types);
        assertTrue(types.contains("moods: Database[\"public\"][\"Enums\"][\"mood\"][] | null"), types);
        assertTrue(types.contains("\"display name\": string | null"), types);
        assertTrue(types.contains("referencedRelation: \"users\""), types);
        assertTrue(types.contains("note_count: { Args: { p_owner: string }; Returns: number }"), types);
        assertTrue(types.contains("search_notes: { Args: { q: string; lim?: number }; Returns: (Database[\"public\"][\"Tables\"][\"notes\"][\"Row\"])[] }"), types);
        assertTrue(!types.contains("touch:"), "trigger functions are not callable, so not listed");
    }

    @Test
    void returnsTableAndOutParametersBecomeRowObjectsAndOnlyInputsWithDefaultsAreOptional() {
        assertTrue(types.contains("recent_titles: { Args: { p_owner: string; lim?: number }; Returns: ({ note_id: number; note_title: string })[] }"), types);
        assertTrue(types.contains("note_stats: { Args: { p_owner?: string }; Returns: { total: number; latest: string } }"), types);
    }

    @Test
    void generatedTypesCompileWithStrictTsc() throws Exception {
        Path work = Files.createDirectories(Path.of("target/tsc-check"));
        Files.writeString(work.resolve("database.ts"), types);
        Files.writeString(work.resolve("usage.ts"), """
                import type { Database, Tables, TablesInsert, TablesUpdate, Enums, Json } from "./database"

                const row: Tables<"notes"> = { id: 1, owner: "u", title: "t", body: null, mood: "happy", title_length: 1, created_at: "now" }
                const insert: TablesInsert<"notes"> = { owner: "u", title: "t" }
                const update: TablesUpdate<"notes"> = { title: "t2" }
                // @ts-expect-error title is required on insert
                const missingTitle: TablesInsert<"notes"> = { owner: "u" }
                // @ts-expect-error identity always columns cannot be written
                const withId: TablesInsert<"notes"> = { id: 3, owner: "u", title: "t" }
                const mood: Enums<"mood"> = "sad"
                // @ts-expect-error not a label of the enum
                const badMood: Enums<"mood"> = "angry"
                const args: Database["public"]["Functions"]["note_count"]["Args"] = { p_owner: "u" }
                const count: Database["public"]["Functions"]["note_count"]["Returns"] = 3
                const view: Tables<"note_titles"> = { id: 1, title: null }
                const settings: Json = { a: [1, "x", null] }
                const profile: TablesInsert<"profiles"> = { id: "u", moods: ["happy"], home: { street: "s", zip: 1 } }
                const recent: Database["public"]["Functions"]["recent_titles"]["Returns"] = [{ note_id: 1, note_title: "t" }]
                const recentArgs: Database["public"]["Functions"]["recent_titles"]["Args"] = { p_owner: "u" }
                export const more = [recent, recentArgs]
                export const all = [row, insert, update, missingTitle, withId, mood, badMood, args, count, view, settings, profile]
                """);
        Path tsc = dev.pgpilot.core.NpmTool.TYPESCRIPT.executable();
        Process p = new ProcessBuilder(tsc.toString(), "--noEmit", "--strict", "--target", "es2020", "--moduleResolution", "node",
                work.resolve("database.ts").toString(), work.resolve("usage.ts").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tsc timed out");
        assertEquals(0, p.exitValue(), "tsc rejected the generated types:\n" + output + "\n" + types);
    }
}
