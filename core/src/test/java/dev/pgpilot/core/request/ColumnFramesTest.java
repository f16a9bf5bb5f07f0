package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames that change one column, each read on its own: add, nullability, unique, check, default, type, rename. */
class ColumnFramesTest {
    static final Catalog CATALOG = Schemas.tasks();
    static final Slots SLOTS = Slots.of(CATALOG);

    private static List<ChangeRequest> read(Frame f, String request) {
        return f.read(TinyCatalog.words(request));
    }

    @Test
    void addColumnsReadsEveryColumnOfAList() {
        List<ChangeRequest> c = read(new AddColumnsFrame(SLOTS, false), "add budget numeric(12,2), starts_on date and archived boolean to projects");
        assertEquals(List.of("budget numeric(12,2)", "starts_on date", "archived boolean"),
                c.stream().map(x -> ((AddColumn) x).column()).map(d -> d.name() + " " + d.type()).toList());
    }

    @Test
    void addColumnsFindsTheTableAfterAWishVerb() {
        AddColumn a = assertInstanceOf(AddColumn.class, read(new AddColumnsFrame(SLOTS, false), "projects need a budget numeric").get(0));
        assertEquals("projects", a.table().name());
    }

    @Test
    void aReferencingColumnAlsoGetsAnIndex() {
        List<ChangeRequest> c = read(new AddColumnsFrame(SLOTS, false), "add label_id bigint references labels to tasks");
        assertEquals(2, c.size());
        assertEquals(List.of("label_id"), assertInstanceOf(CreateIndex.class, c.get(1)).columns());
    }

    @Test
    void requiringAColumnThatIsAlreadyRequiredIsRefused() {
        PilotException e = assertThrows(PilotException.class, () -> read(new NullabilityFrame(SLOTS, true), "require tasks.title"));
        assertTrue(e.getMessage().contains("already required"), e.getMessage());
    }

    @Test
    void uniqueTakesEveryColumnTheRequestNames() {
        CreateIndex i = assertInstanceOf(CreateIndex.class, read(new UniqueFrame(SLOTS), "make tasks project_id and title unique").get(0));
        assertTrue(i.unique());
        assertEquals(List.of("project_id", "title"), i.columns());
    }

    @Test
    void checkTurnsARangeIntoBetween() {
        AddCheck c = assertInstanceOf(AddCheck.class, read(new CheckFrame(SLOTS), "tasks.estimate between 1 and 40").get(0));
        assertEquals("\"estimate\" between 1 and 40", c.expression());
    }

    @Test
    void aCheckWithNoRuleItKnowsIsRefused() {
        assertThrows(PilotException.class, () -> read(new CheckFrame(SLOTS), "check tasks.estimate"));
    }

    @Test
    void aDefaultOutsideAnEnumsValuesIsRefusedNamingThem() {
        PilotException e = assertThrows(PilotException.class, () -> read(new DefaultFrame(SLOTS), "default tasks.status to 'lost'"));
        assertTrue(e.getMessage().contains("not a value of task_status"), e.getMessage());
    }

    @Test
    void alterTypeTakesTheLastTypeWord() {
        AlterColumnType t = assertInstanceOf(AlterColumnType.class, read(new AlterTypeFrame(SLOTS), "change tasks.estimate to bigint").get(0));
        assertEquals("bigint", t.newType());
        assertEquals("integer", t.oldType());
    }

    @Test
    void renamingOntoAnExistingColumnIsRefused() {
        assertThrows(PilotException.class, () -> read(new RenameFrame(SLOTS), "rename tasks.notes to title"));
    }

    @Test
    void aBareTableNameThatIsAlsoAColumnAsksBeforeRenaming() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> read(new RenameFrame(SLOTS), "rename notes to memos"));
        assertEquals(List.of("rename table notes to memos", "rename column tasks.notes to memos"),
                e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
    }
}
