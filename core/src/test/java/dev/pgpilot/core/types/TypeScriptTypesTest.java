package dev.pgpilot.core.types;

import dev.pgpilot.core.catalog.TypeCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.catalog.MigrationReplay;
import dev.pgpilot.core.workspace.Workspace;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated types on a real schema (src/test/resources/types/schema.sql over the drift fixture),
 * pinned in golden files and checked by the real TypeScript compiler against real supabase-js,
 * both from the npm registry ({@link dev.pgpilot.core.NpmTool}, installed once into a cache folder).
 */
class TypeScriptTypesTest {
    static DatabaseTarget db;
    /** Every schema the CLI would generate: graphql_public, private, public. */
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
        db = TestDatabase.fresh();
        MigrationReplay.commit(db, Workspace.open(dir).migrations(), null);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             InputStream in = TypeScriptTypesTest.class.getResourceAsStream("/types/schema.sql")) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        types = TypeScriptTypes.render(TypeCatalog.read(db));
    }

    @Test
    void generatedTypesMatchTheGoldenFile() {
        Golden.assertMatches("types/database.ts", types);
    }

    @Test
    void onlyTheNamedSchemaIsGeneratedAndTypesOfOthersAreSpelledOutOrUnknown() {
        String publicOnly = TypeScriptTypes.render(TypeCatalog.read(db, List.of("public")));
        assertFalse(publicOnly.contains("private:") || publicOnly.contains("graphql_public:"), publicOnly);
        assertFalse(publicOnly.contains("      secrets: {"), publicOnly);
        assertTrue(publicOnly.contains("      notes: {"), publicOnly);
        assertTrue(publicOnly.contains("level: \"low\" | \"high\" | null"), "an enum of a schema not generated is spelled out:\n" + publicOnly);
    }

    @Test
    void aSchemaThatDoesNotExistIsRefusedByName() {
        PilotException e = assertThrows(PilotException.class, () -> TypeCatalog.read(db, List.of("public", "pubic")));
        assertEquals("no schema named 'pubic' in the database", e.getMessage());
    }

    @Test
    void relationshipsStayInsideTheirSchemaAndViewsInheritTheirTablesKeys() {
        assertFalse(types.contains("referencedRelation: \"users\""), "auth is not exposed: no relationship into it\n" + types);
        String bodies = block("comment_bodies");
        assertTrue(bodies.contains("Insert: {") && bodies.contains("Update: {"), "a one-table projection is updatable:\n" + bodies);
        assertTrue(bodies.contains("foreignKeyName: \"comments_note_id_fkey\"\n            columns: [\"note_id\"]\n            isOneToOne: false\n"
                + "            referencedRelation: \"notes\"") && bodies.contains("referencedRelation: \"note_titles\""),
                "the view shows comments.note_id, so it has that key, to notes and to the view showing notes.id\n" + bodies);
        assertFalse(block("comment_counts").contains("Insert: {"), "an aggregate view is not updatable");
        assertTrue(block("secrets").contains("Relationships: []"),
                "private.secrets -> public.notes crosses schemas: not embeddable\n" + types);
    }

    /** One relation's entry in the generated types, from its name to its closing brace. */
    private static String block(String relation) {
        int start = types.indexOf("      " + relation + ": {");
        return types.substring(start, types.indexOf("\n      }\n", start));
    }

    @Test
    void generatedTypesCompileWithStrictTscAndSupabaseJs() throws Exception {
        Path work = Files.createDirectories(Path.of("target/tsc-check"));
        Path modules = work.resolve("node_modules");
        if (!Files.exists(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(modules, dev.pgpilot.core.NpmTool.SUPABASE_JS.nodeModules().toAbsolutePath());
        }
        Files.writeString(work.resolve("database.ts"), types);
        try (InputStream in = TypeScriptTypesTest.class.getResourceAsStream("/types/usage.ts")) {
            Files.write(work.resolve("usage.ts"), in.readAllBytes());
        }
        Path tsc = dev.pgpilot.core.NpmTool.TYPESCRIPT.executable();
        List<String> cmd = new ArrayList<>(List.of(tsc.toString(), "--noEmit", "--strict", "--target", "es2020", "--moduleResolution", "node",
                "--skipLibCheck", work.resolve("database.ts").toString(), work.resolve("usage.ts").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "tsc timed out");
        assertEquals(0, p.exitValue(), "tsc rejected the usage file against the generated types:\n" + output);
    }
}
