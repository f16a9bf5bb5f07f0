package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationSql;
import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.target.DatabaseTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every frame whose cue fits reads the request; of the complete readings the best wins only when it
 * clearly beats the others ({@link ReadingScore}): more words carried as known names, types and
 * values, then more catalog links, then fewer invented names. When two frames read it differently
 * and neither wins, the request is asked, each reading said as a request that plans exactly it.
 */
class ScoredReadingsTest {

    @Test
    void anIndexThatMayOrMayNotBeUniqueIsAskedWithBothReadings() {
        Catalog catalog = Fixture.catalog(Domains.fresh());
        // "distinct" is an index word and a uniqueness word: a plain index and a unique one both read every word
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("index courses.title distinct"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals(List.of(new AmbiguousRequest.Reading("index courses on title", "index courses on title"),
                new AmbiguousRequest.Reading("make courses.title unique", "make courses.title unique")), e.readings());
        assertEquals("\"index courses.title distinct\" can mean 2 things: 1) index courses on title; 2) make courses.title unique", e.getMessage());
    }

    @Test
    void eachAskedReadingPlansExactlyThatReadingOnARealDatabase() throws Exception {
        DatabaseTarget db = Domains.fresh();
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(Fixture.catalog(db)).parse("index courses.title distinct"));
        CreateIndex plain = assertInstanceOf(CreateIndex.class, only(db, e.readings().get(0).request()));
        CreateIndex unique = assertInstanceOf(CreateIndex.class, only(db, e.readings().get(1).request()));
        assertEquals(List.of(false, true), List.of(plain.unique(), unique.unique()));
        MigrationSql m = Domains.plan(db, e.readings().get(1).request());
        Fixture.run(db, m.upSql());
        assertEquals("t", Fixture.query(db, "select evalx.indexdefs('courses') ~ 'UNIQUE INDEX .* \\(title\\)'"), m.upSql());
    }

    /** Each of these has a second complete reading that coins a column from the words or links less of the catalog; the better one is planned and applied. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        have body unique on notes      | select evalx.indexdefs('notes') ~ 'UNIQUE INDEX .* \\(body\\)' and evalx.coltype('notes','have_body') is null
        add timestamps to notes        | select evalx.coltype('notes','created_at') is not null and evalx.coltype('notes','updated_at') is not null and evalx.coltype('notes','timestamps') is null
        make notes.body varchar(200)   | select evalx.coltype('notes','body') = 'character varying(200)'
        make tasks.status unique       | select evalx.indexdefs('tasks') ~ 'UNIQUE INDEX .* \\(status\\)'
        add body uppercase on notes    | select evalx.condefs('notes') ~ 'upper' and evalx.coltype('notes','body_uppercase') is null
        """)
    void aReadingThatClearlyWinsIsPlannedAndApplied(String request, String check) throws Exception {
        DatabaseTarget db = Domains.fresh();
        MigrationSql m = Domains.plan(db, request);
        Fixture.run(db, m.upSql());
        assertEquals("t", Fixture.query(db, check), m.upSql());
    }

    @Test
    void carriedWordsDecideFirstThenLinksThenFewerInventedNames() {
        ReadingScore index = score(3, 0, 2);
        assertTrue(index.beats(score(2, 0, 2)), "more words carried");
        assertTrue(index.beats(score(3, 0, 1)), "as many carried, more linked");
        assertTrue(index.beats(score(3, 1, 2)), "as many carried and linked, fewer invented");
        assertTrue(!index.beats(score(3, 0, 2)) && !score(3, 0, 2).beats(index), "equal on all three: neither wins");
    }

    private static ReadingScore score(int carried, int coined, int links) {
        return new ReadingScore(FrameKind.INDEX, List.of(), carried, coined, links);
    }

    private static ChangeRequest only(DatabaseTarget db, String request) {
        List<ChangeRequest> c = new RequestParser(Fixture.catalog(db)).parse(request).changes();
        assertEquals(1, c.size(), c.toString());
        return c.get(0);
    }
}
