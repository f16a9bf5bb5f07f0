package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the resolver that checks changes coming from the LLM backend: a model's
 * change naming what does not exist, re-creating what does, or carrying SQL is refused (exit 1).
 */
class ChangeResolverRefusalTest {
    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Fixture.catalog(Fixture.fresh());
    }

    private static QualifiedName t(String name) {
        return QualifiedName.pub(name);
    }

    static Stream<Arguments> refusals() {
        ColumnDef notes = ColumnDef.of("notes", "text");
        return Stream.of(
            Arguments.of(new AddColumn(null, notes), "a change without a table"),
            Arguments.of(new AddColumn(t("ordrs"), notes), "unknown table: ordrs"),
            Arguments.of(new AddColumn(t("orders"), null), "add_column without a column"),
            Arguments.of(new AddColumn(t("orders"), ColumnDef.of("score", "blob")), "unknown type: blob"),
            Arguments.of(new AddColumn(t("orders"), ColumnDef.of("n", "text").withDefault("now(); drop table orders")), "default is not a plain value"),
            Arguments.of(new AddColumn(t("orders"), ColumnDef.of("ghost_id", null).withReferences(new ColumnDef.ForeignRef(t("ghosts"), "id", null))), "unknown table: ghosts"),
            Arguments.of(new DropColumn(t("orders"), ColumnDef.of("colour", "text"), List.of()), "unknown column colour"),
            Arguments.of(new RenameColumn(t("customers"), "emial", "mail"), "unknown column emial"),
            Arguments.of(new RenameColumn(t("customers"), "full_name", "email"), "column email already exists"),
            Arguments.of(new RenameColumn(t("customers"), "full_name", "x\"; drop table orders; --"), "not a valid name"),
            Arguments.of(new AlterColumnType(t("orders"), "total", "wibble", null), "unknown type: wibble"),
            Arguments.of(new SetDefault(t("orders"), "total", "(select 1)", null), "default is not a plain value"),
            Arguments.of(new DropDefault(t("orders"), "colour", null), "unknown column colour"),
            Arguments.of(new SetNotNull(t("organizations"), "name", true), "is already required"),
            Arguments.of(new AddForeignKey(t("comments"), "post_id", t("ghosts"), "id", null, null, null), "unknown table: ghosts"),
            Arguments.of(new CreateTable(t("orders"), List.of(notes), false, null, false), "already exists"),
            Arguments.of(new CreateTable(t("x; drop table orders"), List.of(notes), false, null, false), "not a valid name"),
            Arguments.of(new CreateTable(t("links"), List.of(notes), true, null, false), "a join table needs exactly two foreign key columns"),
            Arguments.of(new RenameTable(t("labels"), "orders"), "table orders already exists"),
            Arguments.of(new DropTable(t("ghosts"), List.of()), "unknown table: ghosts"),
            Arguments.of(new CreateIndex(t("posts"), "i", List.of("title"), false, "true; drop table orders", false), "does not write partial-index conditions"),
            Arguments.of(new CreateIndex(t("posts"), "i", List.of(), false, null, false), "create_index without columns"),
            Arguments.of(new CreateIndex(t("posts"), "i", List.of("colour"), false, null, false), "unknown column colour"),
            Arguments.of(new DropIndex(t("idx_nothing"), null), "unknown index: idx_nothing"),
            Arguments.of(new DropIndex(t("posts_pkey"), null), "belongs to a constraint"),
            Arguments.of(new AddColumn(t("customers"), ColumnDef.of("email", "integer")), "column email already exists in public.customers with another definition: type text, not integer"),
            Arguments.of(new CreateEnum(t("order_status"), List.of("a")), "type order_status already exists with the values pending, paid, shipped, not a"),
            Arguments.of(new CreateEnum(t("mood"), List.of()), "create_enum without values"),
            Arguments.of(new CreateEnum(t("mood"), List.of("x".repeat(64))), "bad enum value"),
            Arguments.of(new AddEnumValue(t("moods"), "x"), "unknown enum type"),
            Arguments.of(new AddUpdatedAtTrigger(t("labels"), false), "unknown column updated_at"),
            Arguments.of(new CreateBucket("Bad Name", true, null, List.of()), "not a valid bucket name"),
            Arguments.of(new CreateBucket("docs", true, null, List.of("text/html'); drop table orders; --")), "not a MIME type"),
            Arguments.of(new CreateBucket("docs", true, 0L, List.of()), "size limit must be positive"),
            Arguments.of(new Comment(t("orders"), null, " ", null), "empty comment text"),
            Arguments.of(new Comment(t("orders"), "colour", "x", null), "unknown column colour"),
            Arguments.of(new AddCheck(t("orders"), "c", "true); drop table orders; --"), "may not write SQL expressions"),
            Arguments.of(new CreatePolicy(t("orders"), "p", "select", List.of("anon"), "true", null, false), "may not write SQL expressions"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refusals")
    void aModelsChangeThatDoesNotFitTheCatalogIsRefused(ChangeRequest change, String reason) {
        // what already exists is judged after resolving, by the same check as the rule parser's (the same definition is no refusal)
        PilotException e = assertThrows(PilotException.class,
                () -> ExistingObjects.check(new ChangeSet("request", List.of(new ChangeResolver(catalog).resolve(change))), catalog));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
