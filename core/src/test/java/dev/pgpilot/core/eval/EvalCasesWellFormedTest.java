package dev.pgpilot.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The eval's files load (every case well formed, ids unique) and keep the size issue 12 asks for; no database. */
class EvalCasesWellFormedTest {
    @Test
    void theEvalHasTheSizeIssue12AsksFor() throws Exception {
        List<EvalCase> cases = EvalSuite.load(EvalSuite.evalDir());
        Map<EvalCase.Expect, Long> byExpect = cases.stream().collect(Collectors.groupingBy(EvalCase::expect, Collectors.counting()));
        assertTrue(cases.size() >= 400, cases.size() + " cases");
        assertTrue(cases.stream().map(EvalCase::schema).distinct().count() >= 4, "at least four schemas");
        assertTrue(byExpect.get(EvalCase.Expect.REFUSE) >= 60, byExpect + "");
        assertTrue(byExpect.get(EvalCase.Expect.ASK) >= 30, byExpect + "");
        assertTrue(cases.stream().filter(c -> c.category().equals("refuse-data-change")).count() >= 30, "30 data-change phrasings");
    }

    @Test
    void aReadingIsNamedOnlyAsAWholeName() {
        String said = "error: \"remove notes\" has two readings: drop table notes, or drop column tasks.notes";
        assertTrue(CaseRunner.namesReading(said, "notes"));
        assertTrue(CaseRunner.namesReading(said, "tasks.notes"));
        assertTrue(CaseRunner.namesReading("which one: `Tasks.Notes` or \"notes\"?", "tasks.notes"));
        assertFalse(CaseRunner.namesReading("drop column tasks.notes", "notes"), "qualified is not the table");
        assertFalse(CaseRunner.namesReading("drop table notes_archive", "notes"));
        assertFalse(CaseRunner.namesReading("drop table notes.", "tasks.notes"));
        assertTrue(CaseRunner.namesReading("the table notes.", "notes"), "a full stop after a name is punctuation");
    }

    @Test
    void aDataChangeRefusalMustPointAtEmpty() {
        EvalCase c = new EvalCase("x1", "s", "refuse-data-change", "truncate t", EvalCase.Expect.REFUSE, List.of(), List.of(), List.of("t"));
        assertEquals(List.of("t", "--empty"), CaseRunner.mentions(c));
    }
}
