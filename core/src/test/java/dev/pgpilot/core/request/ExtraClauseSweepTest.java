package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.render.MigrationRenderer;
import dev.pgpilot.core.target.DatabaseTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One canonical request per kind of change, each with a meaningful clause appended ("... in a new
 * bucket scratch", "... on delete cascade", "... descending"): the planner either does what the
 * clause says (the rendered SQL shows it) or refuses or asks naming a word of the clause. Never a
 * migration that quietly loses the clause. Clauses that no change of these kinds can carry
 * ("except for admins", "after the title column") must always be refused.
 */
class ExtraClauseSweepTest {
    static Catalog catalog;

    /** Requests that plan on their own (asserted), one or more per frame. */
    static final List<String> CANONICAL = List.of(
            "add a nickname text column to patients",
            "create a table rooms with name text",
            "index appointments on starts_at",
            "add a course_id to students referencing courses",
            "rename patients.phone to phone_number",
            "rename the logs table to events",
            "drop patients.phone",
            "drop table logs",
            "set the default of students.grade to 1",
            "drop the default of appointments.status",
            "make patients.phone required",
            "make patients.full_name optional",
            "students.grade must be between 1 and 12",
            "change students.grade to bigint",
            "create an enum mood with happy, sad",
            "add archived to task_status",
            "enable rls on logs",
            "users can read their own tasks",
            "users can upload to their own folder in the docs bucket",
            "users can upload to their own folder in a new bucket uploads",
            "create a private bucket scans",
            "add an updated_at trigger to tasks",
            "add timestamps to notes");

    /** @param shows what the rendered SQL holds when the clause was acted on; null: nothing these changes do can carry it */
    record Clause(String text, String shows) {
        Pattern pattern() {
            return Pattern.compile(shows, Pattern.CASE_INSENSITIVE);
        }
    }

    static final List<Clause> CLAUSES = List.of(
            new Clause("in a new bucket scratch", "storage\"?\\.\"?buckets[\\s\\S]*'scratch'"),
            new Clause("in a new public bucket scratch", "storage\"?\\.\"?buckets[\\s\\S]*'scratch'[\\s\\S]*true"),
            new Clause("and make it unique", "\\bunique\\b"),
            new Clause("with a default of 3", "default 3\\b"),
            new Clause("on delete cascade", "on delete cascade"),
            new Clause("descending", "\\bdesc\\b"),
            new Clause("for anon users", "\\banon\\b"),
            new Clause("and make it public", "\\banon\\b|\\bpublic\\b\\s*=?\\s*true|, true"),
            new Clause("with a 5 MB limit", "5242880"),
            new Clause("except for admins", null),
            new Clause("unless it is archived", null),
            new Clause("after the title column", null),
            new Clause("but only on weekdays", null));

    /** Words of a clause a refusal may name (the function words alone say nothing). */
    private static final Set<String> FUNCTION = Set.of("in", "a", "an", "the", "and", "make", "it", "with", "of", "for", "on", "is", "but", "users");

    @BeforeAll
    static void schema() throws Exception {
        DatabaseTarget db = Domains.fresh();
        Fixture.exec(db, "insert into storage.buckets (id, name) values ('docs', 'docs')");
        catalog = Fixture.catalog(db);
    }

    @Test
    void everyCanonicalRequestPlansOnItsOwn() {
        for (String r : CANONICAL) assertTrue(!sql(r).isEmpty(), r);
    }

    @Test
    void anExtraClauseIsActedOnOrRefusedNamingOneOfItsWords() {
        List<String> lost = new ArrayList<>();
        int judged = 0;
        for (String base : CANONICAL) {
            String before = sql(base);
            for (Clause c : CLAUSES) {
                // a clause the request already shows on its own proves nothing here
                if (c.shows() != null && c.pattern().matcher(before).find()) continue;
                judged++;
                String request = base + " " + c.text();
                String after;
                try {
                    after = sql(request);
                } catch (PilotException e) {
                    if (e.exitCode() != PilotException.REFUSED || !namesWhatItMissed(e, request, c)) {
                        lost.add(request + "  -> refused without naming the clause: " + Quote.oneLine(e.getMessage()));
                    }
                    continue;
                }
                if (c.shows() == null || !c.pattern().matcher(after).find()) lost.add(request + "  -> planned without it:\n" + after.indent(6));
            }
        }
        assertTrue(judged > 200, "only " + judged + " pairs judged");
        assertEquals("", String.join("\n", lost), lost.size() + " of " + judged + " requests lost their clause");
    }

    /** A word of the clause, a quoted word of the request ("did not understand \"for\""), a name it could not link, or a question for a slot it could not fill. */
    private static boolean namesWhatItMissed(PilotException e, String request, Clause c) {
        String said = (e.getMessage() + "\n" + e.hint()).toLowerCase(Locale.ROOT);
        return words(c).stream().anyMatch(said::contains)
                || Arrays.stream(request.split(" ")).anyMatch(w -> said.contains("\"" + w + "\"") || w.contains("_") && said.contains(w))
                || e.getMessage().endsWith("?");
    }

    private static List<String> words(Clause c) {
        return Arrays.stream(c.text().split(" ")).filter(w -> !FUNCTION.contains(w)).collect(Collectors.toList());
    }

    /** The statements of every migration the request plans, without the header comments. */
    private static String sql(String request) {
        List<MigrationSql> ms = new MigrationRenderer().render(new RequestParser(catalog).parse(request), Instant.parse("2026-01-01T00:00:00Z"));
        return ms.stream().flatMap(m -> m.upSql().lines()).filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
    }
}
