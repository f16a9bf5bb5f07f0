package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.RenameColumn;
import dev.pgpilot.core.request.ChangeRequest.RenameEnum;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An enum that shares its name with a column (school's enum term and courses.term): a rename
 * that says "type" renames the enum; one that names it bare asks which, since the user may mean either.
 */
class EnumNamedLikeAColumnTest {
    private final Catalog catalog = new TinyCatalog()
            .table("courses", "id bigint!", "title text!", "term term")
            .enumType("term", "fall", "spring")
            .build();

    @Test
    void aBareNameThatIsAnEnumAndAColumnAsksNamingBoth() {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(catalog).parse("rename term to semester"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals(List.of("rename type term to semester", "rename column courses.term to semester"), e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
    }

    @Test
    void renamingTheTypeRenamesTheEnumNotTheColumn() {
        assertEquals(List.of(new RenameEnum(QualifiedName.pub("term"), "semester")), new RequestParser(catalog).parse("rename the term type to semester").changes());
    }

    @Test
    void theColumnNamedAsAColumnIsRenamed() {
        assertEquals(List.of(new RenameColumn(QualifiedName.pub("courses"), "term", "semester")),
                new RequestParser(catalog).parse("rename column courses.term to semester").changes());
    }
}
