package dev.pgpilot.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Supabase CLI's split, which decides what its history rows hold (SupabaseCliSideBySideTest checks it against the real CLI). */
class CliStatementsTest {
    @Test
    void commentsBeforeAStatementStayWithItAndATrailingCommentIsAStatementOfItsOwn() {
        assertEquals(List.of("-- header\ncreate table a (id int)", "select 1", "-- trailing"),
                CliStatements.of("-- header\ncreate table a (id int);\n\nselect 1;\n-- trailing\n"));
    }

    @Test
    void semicolonsInsideQuotesCommentsDollarQuotesAndParenthesesDoNotSplit() {
        String fn = "create function f() returns text language plpgsql as $body$ begin return 'a;b'; end $body$";
        assertEquals(List.of("select 'x;y', \"q;\"", "/* a; /* nested; */ b; */ select 2", "-- c;\nselect 3", fn,
                        "create rule r as on insert to t do also (insert into u select 1; insert into u select 2)"),
                CliStatements.of("select 'x;y', \"q;\"; /* a; /* nested; */ b; */ select 2; -- c;\nselect 3;" + fn + ";"
                        + "create rule r as on insert to t do also (insert into u select 1; insert into u select 2);"));
    }

    @Test
    void theFirstClosingParenthesisClosesEveryOpenOneAsInTheCli() {
        assertEquals(List.of("create rule r as on insert to t do also (insert into u values (1)", "insert into u values (2))"),
                CliStatements.of("create rule r as on insert to t do also (insert into u values (1); insert into u values (2));"));
    }

    @Test
    void aBeginAtomicBodyIsOneStatementUpToItsEnd() {
        String sql = "create function g() returns int language sql begin atomic select 1; select 2; end";
        assertEquals(List.of(sql, "select 3"), CliStatements.of(sql + ";\nselect 3;"));
    }

    @Test
    void doubledQuotesEscapedCharactersAndEmptyStatementsAreReadLikeTheCli() {
        assertEquals(List.of("select 'it''s; fine'", "select E'a\\;b'"), CliStatements.of(";;select 'it''s; fine';\n;select E'a\\;b';"));
    }

    @Test
    void crlfStaysInsideAStatementAndOnlyItsEndsAreTrimmed() {
        assertEquals(List.of("-- one\r\ncreate table a (id int)", "-- two"), CliStatements.of("-- one\r\ncreate table a (id int);\r\n-- two\r\n"));
    }
}
