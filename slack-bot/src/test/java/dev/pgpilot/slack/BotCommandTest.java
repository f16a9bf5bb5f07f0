package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BotCommandTest {
    private static final Set<String> ENVS = Set.of("local", "staging", "prod");

    @Test
    void emptyTextAndHelpShowHelp() {
        assertInstanceOf(BotCommand.Help.class, BotCommand.parse("", ENVS));
        assertInstanceOf(BotCommand.Help.class, BotCommand.parse("  HELP ", ENVS));
    }

    @Test
    void statusAndHistoryTakeAnOptionalEnvironment() {
        assertEquals(new BotCommand.Status(null), BotCommand.parse("status", ENVS));
        assertEquals(new BotCommand.Status("prod"), BotCommand.parse("status prod", ENVS));
        assertEquals(new BotCommand.History("staging"), BotCommand.parse("history staging", ENVS));
        assertInstanceOf(BotCommand.Invalid.class, BotCommand.parse("status prod now", ENVS));
    }

    @Test
    void planTakesTrailingWordAsEnvironmentOnlyWhenItIsOne() {
        assertEquals(new BotCommand.Plan("add notes text to events", "prod"), BotCommand.parse("plan add notes text to events prod", ENVS));
        assertEquals(new BotCommand.Plan("add notes text to events", null), BotCommand.parse("plan add notes text to events", ENVS));
        assertEquals(new BotCommand.Plan("prod", null), BotCommand.parse("plan prod", ENVS), "a lone word is the request, not an environment");
    }

    @Test
    void planWithoutRequestExplainsWhatToType() {
        BotCommand.Invalid i = (BotCommand.Invalid) BotCommand.parse("plan", ENVS);
        assertTrue(i.hint().contains("/pgpilot plan add"), i.hint());
    }

    @Test
    void applyAcceptsVersionsAndPendingButNotWords() {
        assertEquals(new BotCommand.Apply("pending", null), BotCommand.parse("apply Pending", ENVS));
        assertEquals(new BotCommand.Apply("20250101120000", "staging"), BotCommand.parse("apply 20250101120000 staging", ENVS));
        assertEquals(new BotCommand.Apply("20250101_001", null), BotCommand.parse("apply 20250101_001", ENVS));
        BotCommand.Invalid i = (BotCommand.Invalid) BotCommand.parse("apply everything", ENVS);
        assertEquals("not a migration version: everything", i.message());
    }

    @Test
    void unknownSubcommandNamesTheWordAndListsTheCommands() {
        BotCommand.Invalid i = (BotCommand.Invalid) BotCommand.parse("rollback 3", ENVS);
        assertEquals("unknown command: rollback", i.message());
        assertTrue(i.hint().contains("/pgpilot status [env|all]"), i.hint());
    }

    @Test
    void mistypedEnvironmentAtTheEndOfAPlanIsRefusedNeverTakenForTheDefault() {
        BotCommand.Invalid typo = assertInstanceOf(BotCommand.Invalid.class, BotCommand.parse("plan add notes text to events prdo", ENVS));
        assertTrue(typo.message().contains("unknown environment at the end of the request: prdo"), typo.message());
        assertTrue(typo.hint().contains("did you mean `prod`?") && !typo.hint().contains("--"), typo.hint());
        assertInstanceOf(BotCommand.Invalid.class, BotCommand.parse("plan add notes text to events stagign", ENVS));
    }

    @Test
    void slackEntitiesInTheTextAreDecodedBeforeParsing() {
        assertEquals(new BotCommand.Plan("comment on table events: R&D > budget <x>", null),
                BotCommand.parse("plan comment on table events: R&amp;D &gt; budget &lt;x&gt;", ENVS));
    }

    @Test
    void pendingCancelAndRejectWithAReasonAreCommands() {
        assertEquals(new BotCommand.Pending("prod"), BotCommand.parse("pending prod", ENVS));
        assertEquals(new BotCommand.Cancel("1a2b3c4d"), BotCommand.parse("cancel 1a2b3c4d", ENVS));
        assertEquals(new BotCommand.Reject("1a2b3c4d", "use a view instead"), BotCommand.parse("reject 1a2b3c4d use a view instead", ENVS));
        assertInstanceOf(BotCommand.Invalid.class, BotCommand.parse("reject 1a2b3c4d", ENVS));
    }
}
