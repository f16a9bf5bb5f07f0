package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import org.junit.jupiter.api.Test;

/** A sentence about a table before its change ("X should ...: change") is accounted for by the change when its words agree with it. */
class LeadInRequestsTest {
    static final Catalog CATALOG = new TinyCatalog()
            .table("reviews", "id bigint!", "body text", "reviewer_id uuid")
            .table("notes", "id bigint!", "body text")
            .table("announcements", "id bigint!", "title text")
            .table("enrollments", "id bigint!", "student_id uuid", "course_id bigint")
            .table("courses", "id bigint!", "title text")
            .table("comments", "id bigint!", "body text", "author_id uuid")
            .build();

    private static ChangeSet plan(String request) {
        return new RequestParser(CATALOG).parse(request);
    }

    @Test
    void byDefaultInTheLeadInAgreesWithADefaultAfterTheColon() {
        SetDefault d = assertInstanceOf(SetDefault.class, plan("reviews should record who wrote them by default: reviewer_id defaults to auth.uid()").changes().get(0));
        assertEquals("reviewer_id", d.column());
        assertEquals("auth.uid()", d.defaultSql());
    }

    @Test
    void anAuthorColumnAgreesWithAColumnOwnedByTheCurrentUser() {
        AddColumn a = assertInstanceOf(AddColumn.class,
                plan("notes need an author column that defaults to the current user: created_by uuid default auth.uid()").changes().get(0));
        assertEquals("created_by", a.column().name());
        assertEquals("auth.uid()", a.column().defaultSql());
    }

    @Test
    void aLeadInBeforeACommaAndAChangeVerbIsAccountedForByTheChange() {
        AddColumn a = assertInstanceOf(AddColumn.class, plan("announcements can expire, add expires_at").changes().get(0));
        assertEquals("announcements", a.table().name());
        assertEquals("expires_at", a.column().name());
    }

    @Test
    void aLeadInMayNameAColumnOfItsOwnTable() {
        AddColumn a = assertInstanceOf(AddColumn.class, plan("enrollments should track when a student dropped: dropped_at timestamptz").changes().get(0));
        assertEquals("dropped_at", a.column().name());
    }

    @Test
    void aNameInParenthesesIsTheColumnTheLeadInDescribes() {
        AddColumn a = assertInstanceOf(AddColumn.class, plan("comments should record when they were last edited (edited_at)").changes().get(0));
        assertEquals("comments", a.table().name());
        assertEquals("edited_at", a.column().name());
    }

    @Test
    void aLeadInNamingAnotherTableIsRefusedNamingThatWord() {
        PilotException e = assertThrows(PilotException.class, () -> plan("announcements should say which courses they are for: audience text"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("\"courses\""), e.getMessage());
    }

    @Test
    void aLeadInAskingForWhatTheChangeDoesNotDoIsRefusedNamingTheWord() {
        PilotException e = assertThrows(PilotException.class, () -> plan("announcements should never be late: add due_at timestamptz"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("\"never\""), e.getMessage());
    }
}
