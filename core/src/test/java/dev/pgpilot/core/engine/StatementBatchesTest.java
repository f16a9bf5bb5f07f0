package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementBatchesTest {

    @Test
    void aLongFileIsCutIntoBatchesOfAtMostTheStatementLimitHoldingEveryStatementOnceInOrder() {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= 600; i++) sql.append("insert into t values (").append(i).append(");\n-- row ").append(i).append('\n');
        List<SqlStatement> statements = SqlScript.parse(sql.toString()).statements();
        StatementBatches b = StatementBatches.of(statements, sql.toString());
        assertEquals(List.of(250, 250, 100), b.batches().stream().map(x -> x.statements().size()).toList());
        assertEquals(statements, b.batches().stream().flatMap(x -> x.statements().stream()).toList());
        StatementBatches.Batch second = b.batches().get(1);
        assertTrue(second.text().startsWith("insert into t values (251);"), second.text());
        assertTrue(second.text().endsWith("insert into t values (500);"), "the comment after the last statement belongs to no batch");
        assertTrue(second.text().contains("-- row 251\ninsert into t values (252);"), "comments between statements are sent as written");
    }

    @Test
    void aBatchEndsOnceItsTextReachesTheSizeLimitAndAStatementLargerThanThatIsABatchOfItsOwn() {
        String big = "select '" + "x".repeat(StatementBatches.MAX_CHARS) + "';";
        String sql = "select 1;\n" + big + "\nselect 2;\nselect 3;\n";
        StatementBatches b = StatementBatches.of(SqlScript.parse(sql).statements(), sql);
        assertEquals(List.of(2, 2), b.batches().stream().map(x -> x.statements().size()).toList());
        assertTrue(b.batches().get(0).text().endsWith("x';"));
        assertEquals("select 2;\nselect 3;", b.batches().get(1).text());
    }
}
