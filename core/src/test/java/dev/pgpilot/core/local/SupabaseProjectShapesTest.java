package dev.pgpilot.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.engine.Project;
import dev.pgpilot.core.api.model.UpOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kinds of file that stopped public Supabase projects on the embedded database (LINT-CORPUS.md,
 * the apply tables), each rewritten by hand as a small migration in {@code supabase-shapes/}: they
 * apply through {@code up} as the non-superuser postgres, what they set up works, and every local
 * stand-in they needed is named in a notice.
 */
class SupabaseProjectShapesTest {

    @Test
    void everyShapeAppliesAndNamesTheStandInsItNeeded() throws IOException, URISyntaxException {
        Project p = new Project();
        List<String> files = copyShapes(p);
        ApplyResult r = p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertEquals(files, r.applied().stream().map(a -> Path.of(a.file()).getFileName().toString()).toList());
        assertEquals(List.of("pg_net", "pgjwt", "pgmq", "pgsodium"), r.warnings().stream()
                .filter(w -> w.contains(" is pgpilot's local stand-in: ")).map(w -> w.substring(0, w.indexOf(' '))).toList(), r.warnings().toString());

        p.exec("insert into public.signups (email) values ('a@example.com')");
        assertEquals("a@example.com", p.text("select message->>'to' from pgmq.read('emails', 30, 1)"), "the trigger queued a message");
        assertEquals("true", p.text("select valid::text from extensions.verify(public.invite_token(gen_random_uuid()), 'local-secret')"),
                "pgjwt signs a token that verifies");
        p.exec("insert into public.integrations (name, credentials) values ('stripe', vault.create_secret('sk_test', 'stripe'))");
        assertEquals("sk_test", p.text("select decrypted_secret from vault.decrypted_secrets s join public.integrations i on i.credentials = s.id"));
    }

    private static List<String> copyShapes(Project p) throws IOException, URISyntaxException {
        Path dir = Path.of(SupabaseProjectShapesTest.class.getResource("/supabase-shapes").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> shapes = s.sorted().toList();
            for (Path f : shapes) p.write(f.getFileName().toString(), Files.readString(f));
            return shapes.stream().map(f -> f.getFileName().toString()).toList();
        }
    }
}
