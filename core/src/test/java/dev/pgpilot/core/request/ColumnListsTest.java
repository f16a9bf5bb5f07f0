package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several columns or changes in one request: names sharing one type ("phone and emergency_contact
 * text columns"), a list written "name type" ("weekday smallint, starts time"), a counter, and a
 * clause asking for what a column already is, which is listed as there while the others are planned.
 */
class ColumnListsTest {
    static final Catalog CATALOG = new TinyCatalog()
            .table("members", "id bigint!", "name text!", "nickname text")
            .table("listings", "id bigint!", "title text!", "description text", "category_id bigint")
            .build();

    private static ChangeSet plan(String request) {
        return new RequestParser(CATALOG).parse(request);
    }

    private static List<String> added(String request) {
        return plan(request).changes().stream().map(c -> {
            AddColumn a = assertInstanceOf(AddColumn.class, c, c.toString());
            return a.column().name() + " " + a.column().type();
        }).toList();
    }

    @Test
    void namesBeforeATypedPluralColumnsShareItsType() {
        assertEquals(List.of("phone text", "emergency_contact text"), added("add phone and emergency_contact text columns to members"));
        assertEquals(List.of("height integer", "weight integer", "age integer"), added("add height, weight and age integer fields to members"));
    }

    @Test
    void aNameWithItsOwnDescriptionDoesNotShareTheLastType() {
        assertThrows(PilotException.class, () -> plan("add phone varchar(20) and emergency_contact text columns to members"));
    }

    @Test
    void inAListWrittenNameThenTypeATimeWordIsTheType() {
        CreateTable t = assertInstanceOf(CreateTable.class, plan("create table opening_hours with weekday smallint, opens time, closes time").changes().get(0));
        assertEquals(List.of("weekday smallint", "opens time", "closes time"),
                t.columns().stream().filter(c -> !c.name().equals("id") && !c.name().endsWith("_at")).map(c -> c.name() + " " + c.type()).toList());
    }

    @Test
    void aTimeWordAfterANameAloneIsStillAsked() {
        assertInstanceOf(AmbiguousRequest.class, assertThrows(PilotException.class, () -> plan("add opens time to members")));
    }

    @Test
    void aCounterIsAnIntegerNamedForWhatItCounts() {
        List<ChangeRequest> c = plan("add a views counter to listings that starts at 0").changes();
        ColumnDef d = assertInstanceOf(AddColumn.class, c.get(0)).column();
        assertEquals(List.of("views", "integer", "0"), List.of(d.name(), d.type(), d.defaultSql()));
    }

    @Test
    void aClauseAskingForWhatAColumnAlreadyIsIsListedAsThereAndTheRestIsPlanned() {
        ChangeSet s = plan("listing descriptions are optional, but the category should be mandatory");
        SetNotNull n = assertInstanceOf(SetNotNull.class, s.changes().get(0));
        assertEquals(List.of("category_id", "true"), List.of(n.column(), String.valueOf(n.notNull())));
        assertEquals(1, s.changes().size(), s.changes().toString());
        assertTrue(s.alreadyThere().stream().anyMatch(x -> x.contains("listings.description is already optional")), s.alreadyThere().toString());
    }

    @Test
    void aColumnAlreadySoUnderATopicIsThereAndTheNextClauseStillGoesToTheTopicTable() {
        ChangeSet s = plan("members: name is required, add a timezone text too");
        AddColumn a = assertInstanceOf(AddColumn.class, s.changes().get(0));
        assertEquals(List.of("members", "timezone"), List.of(a.table().name(), a.column().name()));
        assertEquals(List.of("members.name is already required (not null)"), s.alreadyThere());
    }

    @Test
    void onItsOwnAskingForWhatAColumnAlreadyIsIsRefusedSayingSo() {
        PilotException e = assertThrows(PilotException.class, () -> plan("make members.name required"));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("already required"), e.getMessage());
    }

    @Test
    void everyClauseAlreadySoIsNothingToDo() {
        PilotException e = assertThrows(PilotException.class, () -> plan("members.nickname is optional, and members.name is required"));
        assertEquals(PilotException.NOTHING_TO_DO, e.exitCode(), e.getMessage());
    }
}
