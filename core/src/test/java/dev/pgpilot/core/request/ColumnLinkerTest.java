package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ColumnLinker}: the words for a column linked to it, inside a named table by loose runs
 * ("invoice amounts", "date of birth", "the category") and without one by the column's own name. A
 * column named without its table: the one table that has it links, several ask with one reading
 * per table (the request with the column written as table.column), never a silent pick. In {@link
 * Schemas#tasks}, projects and labels both have color and description.
 */
class ColumnLinkerTest {
    static final Catalog CATALOG = Schemas.tasks();

    private static List<ChangeRequest> parse(String request) {
        return new RequestParser(CATALOG).parse(request).changes();
    }

    private static List<String> requests(String request) {
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> parse(request));
        assertEquals(PilotException.REFUSED, e.exitCode());
        return e.readings().stream().map(AmbiguousRequest.Reading::request).toList();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"make color unique", "color is required", "make color not null", "index color", "default color to 'gray'",
            "rename color to colour", "comment on color: shown in the sidebar", "color can't be longer than 20 characters"})
    void aColumnSeveralTablesHaveAsksWhichTable(String request) {
        List<String> readings = requests(request);
        assertEquals(2, readings.size(), readings.toString());
        assertEquals(request.replaceFirst("color", "projects.color"), readings.get(0));
        assertEquals(request.replaceFirst("color", "labels.color"), readings.get(1));
    }

    @Test
    void eachReadingsRequestPlansThatColumn() {
        for (String r : requests("make color unique")) {
            CreateIndex i = assertInstanceOf(CreateIndex.class, parse(r).get(0));
            assertEquals(r.substring(5, r.indexOf('.')), i.table().name());
            assertEquals(List.of("color"), i.columns());
        }
    }

    @Test
    void aPluralNamesTheColumnAndItsReadingWritesItSingular() {
        assertEquals(List.of("projects.description must be at most 500 characters", "labels.description must be at most 500 characters"),
                requests("descriptions must be at most 500 characters"));
    }

    @Test
    void aColumnOnlyOneTableHasLinksToThatTable() {
        SetNotNull n = assertInstanceOf(SetNotNull.class, parse("make estimate required").get(0));
        assertEquals("tasks", n.table().name());
        assertEquals("estimate", n.column());
    }

    @Test
    void aNamedTableIsNotAskedAbout() {
        CreateIndex i = assertInstanceOf(CreateIndex.class, parse("make labels.color unique").get(0));
        assertEquals("labels", i.table().name());
    }

    @Test
    void anEnumNamedByItsColumnsAsksWhenTwoColumnsUseDifferentEnums() {
        Catalog two = twoStatusEnums("pending");
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(two).parse("add 'cancelled' to the status enum"));
        assertEquals(List.of("add 'cancelled' to the listing_status enum", "add 'cancelled' to the offer_status enum"),
                e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
        AddEnumValue v = assertInstanceOf(AddEnumValue.class, new RequestParser(two).parse(e.readings().get(1).request()).changes().get(0));
        assertEquals("offer_status", v.type().name());
    }

    @Test
    void eachEnumReadingKeepsThePlaceTheRequestGaveTheValue() {
        Catalog two = twoStatusEnums("draft");
        AmbiguousRequest e = assertThrows(AmbiguousRequest.class, () -> new RequestParser(two).parse("add 'review' to the status enum after draft"));
        assertEquals(List.of("add 'review' to the listing_status enum after draft", "add 'review' to the offer_status enum after draft"),
                e.readings().stream().map(AmbiguousRequest.Reading::request).toList());
        AddEnumValue v = assertInstanceOf(AddEnumValue.class, new RequestParser(two).parse(e.readings().get(1).request()).changes().get(0));
        assertEquals(List.of("offer_status", "draft"), List.of(v.type().name(), v.after()));
    }

    private static final Catalog BILLING = new TinyCatalog()
            .table("invoices", "id bigint!", "amount_cents bigint!", "customer_id bigint", "date_of_birth date", "default_currency text")
            .table("customers", "id bigint!", "name text!")
            .build();

    private static List<String> linkedIn(String table, String words) {
        ColumnLinker linker = new ColumnLinker(BILLING);
        return linker.in(BILLING.table(table), RequestLexer.lex(words)).stream().map(ColumnLinker.Link::qualified).toList();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "invoice amounts must be positive | invoices.amount_cents",
            "the date of birth can't be in the future | invoices.date_of_birth",
            "the customer is required | invoices.customer_id",
            "the default currency is required | invoices.default_currency"})
    void insideATableLooseRunsOfWordsNameAColumn(String words, String column) {
        assertEquals(List.of(column), linkedIn("invoices", words));
    }

    @Test
    void aLongerRunWinsOverItsPartsAndLinksComeInTheOrderSaid() {
        assertEquals(List.of("invoices.customer_id", "invoices.date_of_birth"), linkedIn("invoices", "customer and date of birth"));
    }

    @Test
    void theWordNamingTheTableIsNotOneOfItsColumns() {
        assertEquals(List.of(), linkedIn("customers", "customers must have a phone"));
    }

    @Test
    void withoutATableOnlyAColumnsOwnNameLinksNeverAUnitOrForeignKeyRule() {
        ColumnLinker linker = new ColumnLinker(BILLING);
        assertEquals(List.of(), linker.candidates(RequestLexer.lex("amounts must be positive")));
        assertEquals(List.of("invoices.amount_cents"), linker.only(RequestLexer.lex("amounts must be positive"), "amounts must be positive")
                .stream().map(ColumnLinker.Link::qualified).toList());
    }

    @Test
    void planWordsAndTableNamesAreNeverCandidatesWithoutATable() {
        Catalog c = new TinyCatalog().table("items", "id bigint!", "default text", "customers text").table("customers", "id bigint!").build();
        assertEquals(List.of(), new ColumnLinker(c).candidates(RequestLexer.lex("default customers")));
    }

    @Test
    void rewriteReplacesTheFirstWholeWordOrRunOnly() {
        List<RequestLexer.Tok> said = RequestLexer.lex("booking status");
        assertEquals("add 'x' to booking_status after rebooking status", ColumnLinker.rewrite("add 'x' to booking status after rebooking status", said, "booking_status"));
        assertEquals("make labels.color unique, colors too", ColumnLinker.rewrite("make color unique, colors too", RequestLexer.lex("color").get(0), "labels.color"));
    }

    /** listings.status and offers.status, each of its own enum; offer_status starts with the given value. */
    private static Catalog twoStatusEnums(String firstOfferStatus) {
        return new TinyCatalog()
                .table("listings", "id bigint!", "status listing_status")
                .table("offers", "id bigint!", "status offer_status")
                .enumType("listing_status", "draft", "active")
                .enumType("offer_status", firstOfferStatus, "accepted")
                .build();
    }
}
