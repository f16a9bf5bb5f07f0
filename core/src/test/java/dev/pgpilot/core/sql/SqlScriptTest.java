package dev.pgpilot.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One example per lexer rule: each shows where PostgreSQL does, and does not, end a statement. */
class SqlScriptTest {

    private static List<String> sqls(String script) {
        return SqlScript.parse(script).statements().stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndRecordsLineColumnAndOffsets() {
        String script = "create table t (id int);\n\n  insert into t values (1);\nselect 1; select 2;";
        List<SqlStatement> st = SqlScript.parse(script).statements();
        assertEquals(List.of("create table t (id int)", "insert into t values (1)", "select 1", "select 2"),
                st.stream().map(SqlStatement::sql).toList());
        assertEquals(List.of(1, 3, 4, 4), st.stream().map(SqlStatement::line).toList());
        assertEquals(List.of(1, 3, 1, 11), st.stream().map(SqlStatement::column).toList());
        assertEquals(script.indexOf("insert"), st.get(1).startOffset());
        assertEquals(script.indexOf("select 1;") + "select 1;".length(), st.get(2).endOffset());
    }

    @Test
    void semicolonInsideLiteralWithDoubledQuotesDoesNotSplit() {
        assertEquals(List.of("insert into t values ('it''s; fine', ';''')", "select 2"),
                sqls("insert into t values ('it''s; fine', ';''');select 2"));
    }

    @Test
    void plainLiteralHasNoBackslashEscapesUnderStandardConformingStrings() {
        // 'a\' is a complete literal: the backslash is an ordinary character
        assertEquals(List.of("select 'a\\'", "select 2"), sqls("select 'a\\'; select 2"));
    }

    @Test
    void escapeLiteralTakesBackslashEscapesInEitherCase() {
        assertEquals(List.of("select E'a\\';b'", "select e'\\\\'", "select 3"),
                sqls("select E'a\\';b'; select e'\\\\'; select 3"));
    }

    @Test
    void wordEndingInEBeforeAQuoteIsNotAnEscapeLiteral() {
        // "somE" is an identifier; the literal after it is a plain one that ends at the second quote
        assertEquals(List.of("select somE'\\'", "select 2"), sqls("select somE'\\'; select 2"));
    }

    @Test
    void escapeLiteralContinuedOnTheNextLineKeepsBackslashEscapes() {
        String script = "select E'a'\n  -- a comment between the parts\n'\\';still inside'; select 2";
        assertEquals(List.of("select E'a'\n  -- a comment between the parts\n'\\';still inside'", "select 2"),
                sqls(script));
    }

    @Test
    void literalsOnTheSameLineAreNotAContinuation() {
        // without a line break the second quote starts a new plain literal, so '\' ends it
        assertEquals(List.of("select E'a' '\\'", "select 2"), sqls("select E'a' '\\'; select 2"));
    }

    @Test
    void unicodeEscapeLiteralAndIdentifierEndAtTheirClosingQuote() {
        assertEquals(List.of("select U&'d\\0061t\\+000061;' as U&\"x;\"", "select u&'\\'", "select 3"),
                sqls("select U&'d\\0061t\\+000061;' as U&\"x;\"; select u&'\\'; select 3"));
    }

    @Test
    void quotedIdentifierWithDoubledQuotesDoesNotSplit() {
        assertEquals(List.of("create table \"a;\"\"b\" (\"c;\" int)", "select 1"),
                sqls("create table \"a;\"\"b\" (\"c;\" int); select 1"));
    }

    @Test
    void lineCommentHidesSemicolonsAndStaysOutOfTheStatementEnd() {
        List<SqlStatement> st = SqlScript.parse("select 1 -- not the end; really\n; -- note; here\nselect 2").statements();
        assertEquals(List.of("select 1", "select 2"), st.stream().map(SqlStatement::sql).toList());
        assertEquals(" -- note; here\n", st.get(1).leading());
        assertEquals(3, st.get(1).line());
    }

    @Test
    void nestedBlockCommentsHideSemicolons() {
        List<SqlStatement> st = SqlScript.parse("/* a; /* b; */ still comment; */ select 1 /* c; */ + 1; select 2").statements();
        assertEquals(List.of("select 1 /* c; */ + 1", "select 2"), st.stream().map(SqlStatement::sql).toList());
        assertEquals("/* a; /* b; */ still comment; */ ", st.get(0).leading());
    }

    @Test
    void operatorRunIsCutWhereACommentStarts() {
        // the server reads "*/*" as the operator "*" followed by a comment, and "1--" as 1 and a comment
        assertEquals(List.of("select 2 */* ; */ 3", "select 1"), sqls("select 2 */* ; */ 3; select 1--;\n"));
    }

    @Test
    void dollarQuotedBodiesHideSemicolonsAndOtherTags() {
        String fn = "create function f() returns text language plpgsql as $fn$\nbegin\n  return $$;$$ || $a1$ $fn $a1$;\nend;\n$fn$";
        assertEquals(List.of(fn, "do $$ begin perform 1; end $$", "select $_$;$_$"),
                sqls(fn + ";\ndo $$ begin perform 1; end $$;\nselect $_$;$_$"));
    }

    @Test
    void dollarFollowedByADigitIsAParameterNotAQuote() {
        assertEquals(List.of("select $1$", "select 2", "$1$"), sqls("select $1$; select 2; $1$"));
        assertEquals(List.of("prepare p(int) as select $1 + $2", "execute p(1)"),
                sqls("prepare p(int) as select $1 + $2; execute p(1)"));
    }

    @Test
    void dollarInsideAnIdentifierIsNotAQuoteStart() {
        assertEquals(List.of("select a$b$c, 1 as x$$ from t$", "select 2"),
                sqls("select a$b$c, 1 as x$$ from t$; select 2"));
    }

    @Test
    void dollarQuoteRightAfterAParameterOrANumberStartsABody() {
        assertEquals(List.of("select $1$a$;$a$"), sqls("select $1$a$;$a$"));
        assertEquals(List.of("select 1$a$;$a$"), sqls("select 1$a$;$a$"));
        // a number with letters is one token whose tail swallows the '$', as in the server
        assertEquals(List.of("select 1e$a$", "$a$"), sqls("select 1e$a$;$a$"));
    }

    @Test
    void tagMayNotStartWithADigit() {
        assertEquals(List.of("select $1a$", "select 2"), sqls("select $1a$; select 2"));
    }

    @Test
    void beginAtomicBodyOfAFunctionIsOneStatementWithNestedCase() {
        String fn = "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"
                + "  SELECT CASE WHEN x > 0 THEN CASE x WHEN 1 THEN 1 END ELSE 2 END;\nEND";
        assertEquals(List.of(fn, "SELECT f(1)"), sqls(fn + ";\nSELECT f(1);"));
    }

    @Test
    void beginAtomicBodyOfAProcedureWithOrReplaceAndCommentsIsOneStatement() {
        String proc = "create or replace procedure p() language sql begin /* ; */ atomic insert into t values (1); "
                + "insert into t values (2); end";
        assertEquals(List.of(proc, "call p()"), sqls(proc + "; call p()"));
    }

    @Test
    void caseEndOutsideAnAtomicBodyDoesNotHoldTheStatementOpen() {
        assertEquals(List.of("create function f(x int default case when true then 1 end) returns int language sql return x",
                        "select 1"),
                sqls("create function f(x int default case when true then 1 end) returns int language sql return x; select 1"));
    }

    @Test
    void transactionBeginAndEndAreOrdinaryStatements() {
        assertEquals(List.of("BEGIN", "SELECT CASE WHEN true THEN 1 END", "END"),
                sqls("BEGIN; SELECT CASE WHEN true THEN 1 END; END;"));
        assertEquals(List.of("create table atomic (x int)", "select 1"), sqls("create table atomic (x int); select 1"));
    }

    @Test
    void lastStatementNeedsNoSemicolonAndEmptyStatementsAreDropped() {
        List<SqlStatement> st = SqlScript.parse(";;select 1;;; ;\nselect 2").statements();
        assertEquals(List.of("select 1", "select 2"), st.stream().map(SqlStatement::sql).toList());
        assertEquals(";;", st.get(0).leading());
        assertEquals(";; ;\n", st.get(1).leading());
        assertEquals(st.get(1).startOffset() + "select 2".length(), st.get(1).endOffset());
    }

    @Test
    void scriptOfOnlyCommentsOrWhitespaceHasNoStatements() {
        assertEquals(List.of(), sqls("-- just a note; nothing else\n/* and; /* nested */ this */\n"));
        assertEquals(List.of(), sqls(""));
        assertEquals(List.of(), sqls(" \n\t;\r\n; "));
    }

    @Test
    void unterminatedLiteralOrCommentRunsToTheEndWithoutFailing() {
        assertEquals(List.of("select 1", "select 'abc; select 2"), sqls("select 1; select 'abc; select 2"));
        assertEquals(List.of("select 1"), sqls("select 1; /* never closed; select 2"));
        assertEquals(List.of("select $x$ body; select 2"), sqls("select $x$ body; select 2"));
        assertEquals(List.of("select \"a;"), sqls("select \"a;"));
        assertEquals(List.of("select E'\\"), sqls("select E'\\"));
    }

    @Test
    void nonAsciiSpaceIsAnIdentifierCharacterButDoesNotHideSemicolons() {
        assertEquals(List.of("select\u00A01", "select 2"), sqls("select\u00A01; select 2"));
    }

    @Test
    void columnCountsCharactersNotUtf16Units() {
        SqlStatement st = SqlScript.parse("/*😀*/ select 1").statements().get(0);
        assertEquals(1, st.line());
        assertEquals(7, st.column());
    }

    @Test
    void windowsLineEndingsCountOneLineEach() {
        List<SqlStatement> st = SqlScript.parse("select 1;\r\n\r\n  select 2;").statements();
        assertEquals(3, st.get(1).line());
        assertEquals(3, st.get(1).column());
    }

    @Test
    void serverPositionMapsToLineAndColumnCountingCodePoints() {
        SqlScript script = SqlScript.parse("select 1;\nselect '😀😀', 2;\nselct 3;\n");
        // the server counts 😀 as one character: "selct" is character 27
        assertEquals(new LineColumn(3, 1), script.positionToLine(27));
        assertEquals(new LineColumn(2, 9), script.positionToLine(19), "first emoji");
        assertEquals(new LineColumn(2, 10), script.positionToLine(20), "second emoji, two UTF-16 units later");
        assertEquals(script.text().indexOf("selct"), script.offsetOfServerPosition(27));
        assertEquals(new LineColumn(1, 1), script.positionToLine(1));
        assertEquals(new LineColumn(4, 1), script.positionToLine(1000), "past the end clamps to the end");
        assertEquals(3, script.lineOf(script.text().indexOf("selct")));
    }

    @Test
    void statementAtFindsTheStatementAroundAnOffset() {
        SqlScript script = SqlScript.parse("select 1;\n-- two\nselect 2;\nselect 3");
        List<SqlStatement> st = script.statements();
        assertSame(st.get(0), script.statementAt(0));
        assertSame(st.get(1), script.statementAt(script.text().indexOf("-- two")));
        assertSame(st.get(1), script.statementAt(script.text().indexOf("2")));
        assertSame(st.get(2), script.statementAt(script.text().length()));
        assertNull(SqlScript.parse("-- nothing").statementAt(0));
    }

    @Test
    void normalizeDropsCommentsFoldsSpaceAndUppercasesOnlyWords() {
        assertEquals("CREATE TABLE \"MixedCase\" (NOTE TEXT DEFAULT 'keep; case' || $$Body$$)",
                SqlScript.normalize("create  /* x */ table\n\"MixedCase\" -- y\n (note text default 'keep; case' || $$Body$$)"));
    }

    @Test
    void statementShapeHelpersSeeThroughCommentsAndCase() {
        SqlStatement concurrently = SqlScript.parse("/* c */ create unique index\nconcurrently i on t (x)").statements().get(0);
        assertTrue(concurrently.cannotRunInTransaction());
        assertEquals("CREATE UNIQUE INDEX", concurrently.firstWords(3));
        SqlStatement atomic = SqlScript.parse("begin atomic").statements().get(0);
        assertEquals(false, atomic.isTransactionControl());
        assertTrue(SqlScript.parse("rollback").statements().get(0).isTransactionControl());
    }
}
