package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reason after (or before) the change is set aside and said in the plan; a clause that asks for something never is. */
class ReasonClausesTest {
    static final Catalog CATALOG = new TinyCatalog()
            .table("tasks", "id bigint!", "title text!", "notes text", "legacy_ref text")
            .table("jobs", "id bigint!", "name text")
            .table("copies", "id bigint!", "book text")
            .table("legacy_imports", "id bigint!", "payload text")
            .build();

    private static ChangeSet plan(String request) {
        return new RequestParser(CATALOG).parse(request);
    }

    @Test
    void aSentenceAfterACommaAboutWhatWeDoIsTheReason() {
        ChangeSet s = plan("drop the legacy_imports table, we track that elsewhere now");
        assertInstanceOf(DropTable.class, s.changes().get(0));
        assertEquals(1, s.changes().size());
        assertEquals(List.of("read \"we track that elsewhere now\" as the reason for the change, not part of it"), s.readAs());
    }

    @Test
    void aSentenceAboutTheObjectWithANegationIsTheReason() {
        ChangeSet s = plan("drop legacy_imports, it was imported once and is not used");
        assertEquals(List.of(DropTable.class), s.changes().stream().map(Object::getClass).toList());
        assertTrue(s.readAs().get(0).contains("it was imported once and is not used"), s.readAs().toString());
    }

    @Test
    void forWhenMayNameTheTableTheChangeIsAbout() {
        ChangeSet s = plan("add completed_at timestamptz to jobs, for when the job is signed off");
        assertEquals("completed_at", assertInstanceOf(AddColumn.class, s.changes().get(0)).column().name());
        assertTrue(s.readAs().get(0).contains("for when the job is signed off"), s.readAs().toString());
    }

    @Test
    void soWeCanIsAPurpose() {
        ChangeSet s = plan("add lost_at timestamptz to copies so we can track missing copies");
        assertEquals(1, s.changes().size());
        assertTrue(s.readAs().get(0).contains("so we can track missing copies"), s.readAs().toString());
    }

    @Test
    void aVerbInsideAForPurposePhraseIsANounNotAChange() {
        ChangeSet s = plan("add deleted_at timestamptz to jobs for soft delete");
        assertEquals(List.of(AddColumn.class), s.changes().stream().map(Object::getClass).toList());
        assertTrue(s.readAs().get(0).contains("for soft delete"), s.readAs().toString());
    }

    @Test
    void aReasonFirstThenAChangeOfItIsTheChangeOnWhatTheReasonNames() {
        ChangeSet s = plan("we don't use tasks.legacy_ref anymore, drop it");
        DropColumn d = assertInstanceOf(DropColumn.class, s.changes().get(0));
        assertEquals("legacy_ref", d.previous().name());
        assertEquals(1, s.changes().size(), s.changes().toString());
        assertTrue(s.readAs().get(0).contains("tasks.legacy_ref anymore"), s.readAs().toString());
    }

    @Test
    void weDoNotNeedAColumnThenDropItDropsTheColumnOnlyNeverItsTable() {
        ChangeSet s = plan("we don't need tasks.legacy_ref anymore, drop it");
        assertEquals(List.of(DropColumn.class), s.changes().stream().map(Object::getClass).toList());
    }

    @Test
    void aClauseWithAChangeVerbIsNeverSetAside() {
        ChangeSet s = plan("drop legacy_imports, and drop tasks.legacy_ref");
        assertEquals(2, s.changes().size());
        assertTrue(s.readAs().isEmpty());
    }

    @Test
    void aSentenceSayingWhatTheColumnMustBeIsPartOfTheRequest() {
        ChangeSet s = plan("add remarks text to jobs, it should not be null");
        assertTrue(s.readAs().isEmpty());
        assertTrue(s.changes().stream().anyMatch(c -> c instanceof SetNotNull || c instanceof AddColumn a && a.column().notNull()), s.changes().toString());
    }

    @Test
    void aReasonNamingAnotherTableIsNoReason() {
        PilotException e = assertThrows(PilotException.class, () -> plan("drop legacy_imports, we moved it to jobs"));
        assertEquals(PilotException.REFUSED, e.exitCode());
    }

    @Test
    void aClauseForWhoIsNoReasonAndIsRefusedNamingIt() {
        PilotException e = assertThrows(PilotException.class, () -> plan("add a due_soon boolean to tasks for anon users"));
        assertTrue(e.getMessage().contains("for anon users"), e.getMessage());
    }

    @Test
    void butOnlyForIsRefusedNamingThePhrase() {
        PilotException e = assertThrows(PilotException.class, () -> plan("add a remarks column to jobs but only for admins"));
        assertTrue(e.getMessage().contains("only"), e.getMessage());
    }

    @Test
    void keepTheDataAfterADropIsRefusedNamingIt() {
        PilotException e = assertThrows(PilotException.class, () -> plan("drop tasks.legacy_ref but keep the data"));
        assertTrue(e.getMessage().contains("keep the data"), e.getMessage());
    }
}
