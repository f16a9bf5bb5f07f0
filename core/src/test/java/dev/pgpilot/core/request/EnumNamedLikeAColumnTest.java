package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.RenameColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An enum that shares its name with a column (school's enum term and courses.term): a rename
 * that names it bare is never read as the column's rename, since the user may mean the type.
 */
class EnumNamedLikeAColumnTest {
    private final Catalog catalog = new TinyCatalog()
            .table("courses", "id bigint!", "title text!", "term term")
            .enumType("term", "fall", "spring")
            .build();

    @Test
    void aBareNameThatIsAnEnumAndAColumnIsRefusedNamingBoth() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("rename term to semester"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        String said = e.getMessage() + "\n" + e.hint();
        assertTrue(said.contains("the enum term") && said.contains("courses.term"), said);
    }

    @Test
    void renamingTheTypeIsRefusedNotTurnedIntoTheColumnsRename() {
        PilotException e = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse("rename the term type to semester"));
        assertTrue(e.getMessage().contains("renaming the enum term is not generated"), e.getMessage());
    }

    @Test
    void theColumnNamedAsAColumnIsRenamed() {
        assertEquals(List.of(new RenameColumn(QualifiedName.pub("courses"), "term", "semester")),
                new RequestParser(catalog).parse("rename column courses.term to semester").changes());
    }
}
