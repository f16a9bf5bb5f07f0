package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelt verb or function word is read as the one word it is one edit from, said in the plan, and never guessed. */
class MisspelledWordsTest {
    static final Catalog CATALOG = new TinyCatalog()
            .table("tasks", "id bigint!", "title text!", "notes text", "status text", "legacy_ref text")
            .table("events", "id bigint!", "name text")
            .table("crates", "id bigint!", "label text")
            .build();

    private static ChangeSet plan(String request) {
        return new RequestParser(CATALOG).parse(request);
    }

    @Test
    void aMisspeltVerbIsReadAsTheVerbAndThePlanSaysSo() {
        ChangeSet s = plan("renmae tasks.notes to remarks");
        assertEquals(List.of(new RenameColumn(QualifiedName.pub("tasks"), "notes", "remarks")), s.changes());
        assertEquals(List.of("read \"renmae\" as \"rename\""), s.readAs());
    }

    @Test
    void swappedLettersAndALetterLeftOutAreBothOneEdit() {
        assertEquals(List.of("read \"craete\" as \"create\""), plan("craete an index on tasks.status").readAs());
        assertEquals(List.of("read \"creat\" as \"create\""), plan("creat index on tasks(status)").readAs());
        assertInstanceOf(CreateIndex.class, plan("creat index on tasks(status)").changes().get(0));
    }

    @Test
    void everyMisspeltWordOfOneRequestIsCorrectedAndSaid() {
        ChangeSet s = plan("ad a colum remarks text to events");
        assertEquals("remarks", assertInstanceOf(AddColumn.class, s.changes().get(0)).column().name());
        assertEquals(List.of("read \"ad\" as \"add\"", "read \"colum\" as \"column\""), s.readAs());
    }

    @Test
    void theRequestAsWrittenIsKeptInThePlan() {
        assertEquals("renmae tasks.notes to remarks", plan("renmae tasks.notes to remarks").requestText());
    }

    @Test
    void aCorrectionThatWouldDropIsRefusedSayingTheReading() {
        PilotException e = assertThrows(PilotException.class, () -> plan("delte tasks.legacy_ref"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("read \"delte\" as \"delete\""), e.getMessage());
        assertTrue(e.getMessage().contains("drop"), e.getMessage());
        assertTrue(e.hint().contains("\"delete tasks.legacy_ref\""), e.hint());
    }

    @Test
    void aMisspeltNounInADropIsRefusedToo() {
        PilotException e = assertThrows(PilotException.class, () -> plan("drop the colum tasks.legacy_ref"));
        assertTrue(e.getMessage().contains("read \"colum\" as \"column\""), e.getMessage());
    }

    @Test
    void aWordThatAlsoPlansAsWrittenAsAColumnNameIsAsked() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> plan("add colunm remarks text to events"));
        assertEquals(2, e.readings().size());
        assertTrue(e.getMessage().contains("colunm remarks"), e.getMessage());
        assertTrue(e.getMessage().contains("read \"colunm\" as \"column\""), e.getMessage());
    }

    @Test
    void aCatalogNameIsNeverCorrected() {
        // "crate" is one edit from "create", but it names the table crates
        PilotException e = assertThrows(PilotException.class, () -> plan("crate index on tasks(status)"));
        assertFalse(e.getMessage().contains("as \"create\""), e.getMessage());
        assertTrue(Misspellings.slips(RequestLexer.lex("crate index"), CATALOG).isEmpty());
    }

    @Test
    void aKnownWordIsNeverCorrected() {
        // "as", "at" and "an" are words of their own, never a slip for "add"
        assertTrue(Misspellings.slips(RequestLexer.lex("as at an the"), CATALOG).isEmpty());
    }

    @Test
    void aWordOneEditFromTwoWordsThatPlanDifferentlyIsNotPicked() {
        assertEquals(List.of("column", "columns"), Misspellings.slips(RequestLexer.lex("colums"), CATALOG).get(0).words());
    }

    @Test
    void aCorrectionThatBecomesANameIsNoCorrection() {
        // "a tabel column": as written a column tabel; read as "table" it would be a column named table
        ChangeSet s = plan("add a tabel column to events");
        assertEquals("tabel", assertInstanceOf(AddColumn.class, s.changes().get(0)).column().name());
        assertTrue(s.readAs().isEmpty());
    }

    @Test
    void aRequestWithNoMisspellingReadsAsBefore() {
        ChangeSet s = plan("rename tasks.notes to remarks");
        assertTrue(s.readAs().isEmpty());
    }

    @Test
    void aCorrectedRequestThatStillLeavesAWordOutIsRefusedNamingIt() {
        PilotException e = assertThrows(PilotException.class, () -> plan("creat index on tasks(status) sideways"));
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }

    @Test
    void oneEditIsOneLetterAddedRemovedChangedOrTwoNeighboursSwapped() {
        assertTrue(Misspellings.oneEdit("colum", "column"));
        assertTrue(Misspellings.oneEdit("colunm", "column"));
        assertTrue(Misspellings.oneEdit("colmn", "column"));
        assertTrue(Misspellings.oneEdit("dorp", "drop"));
        assertTrue(Misspellings.oneEdit("ad", "add"));
        assertFalse(Misspellings.oneEdit("as", "add"));
        assertFalse(Misspellings.oneEdit("at", "add"));
        assertFalse(Misspellings.oneEdit("cloumn", "columns"));
        assertFalse(Misspellings.oneEdit("drop", "drop"));
    }
}
