package dev.pgpilot.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.lint.run.LintBaseline;
import dev.pgpilot.core.api.model.LintReport;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lint --baseline}: today's findings are accepted by every gate, new ones still count. */
class LintBaselineGateTest {
    private static final String OLD = "create table public.notes (id int primary key, body text);\ndelete from public.notes;\n";

    private static Project withAcceptedFindings() {
        Project p = new Project();
        p.write("20250101000000_old.sql", OLD);
        assertTrue(lint(p).hasErrors(), "the old file has an error before the baseline");
        LintReport written = p.pilot().writeLintBaseline(Map.of());
        assertTrue(written.findings().stream().anyMatch(f -> f.ruleId().equals("ban-delete-without-where")), written.findings().toString());
        return p;
    }

    private static LintReport lint(Project p) {
        return p.pilot().lint(List.of(), Map.of());
    }

    private static List<String> errors(LintReport r) {
        return r.errors().stream().map(f -> f.ruleId() + "@" + f.line()).toList();
    }

    @Test
    void acceptedFindingsAreLeftOutOfLintAndUpAppliesTheFile() throws Exception {
        Project p = withAcceptedFindings();
        LintReport r = lint(p);
        assertEquals(List.of(), r.findings());
        assertTrue(r.baselined() > 0);
        String file = Files.readString(p.dir.resolve(LintBaseline.FILE_NAME));
        assertTrue(file.contains("\"rule\" : \"ban-delete-without-where\"") && file.contains("\"file\" : \"supabase/migrations/20250101000000_old.sql\""), file);
        p.pilot().up(UpOptions.all(), ApplyListener.NONE);
        assertTrue(p.tableExists("public.notes"), "the up gate ignores the accepted error");
    }

    @Test
    void acceptedFindingsStillMatchWhenLinesMoveAndCommentsChange() {
        Project p = withAcceptedFindings();
        p.write("20250101000000_old.sql", "-- header added later\n\n-- and a note\n" + OLD.replace("delete from", "delete   from  -- reformatted\n"));
        assertEquals(List.of(), errors(lint(p)));
    }

    @Test
    void aNewFindingStillFailsTheGates() {
        Project p = withAcceptedFindings();
        p.write("20250101000000_old.sql", OLD + "delete from public.notes;\n"); // the same statement a second time
        assertEquals(List.of("ban-delete-without-where@3"), errors(lint(p)));
        p.write("20250101000000_old.sql", OLD.replace("delete from public.notes;", "delete from public.notes as n;")); // the statement changed
        assertEquals(List.of("ban-delete-without-where@2"), errors(lint(p)));
        p.write("20250101000000_old.sql", OLD);
        p.write("20250102000000_new.sql", "delete from public.notes;\n"); // the same text in a new file
        assertEquals(List.of("ban-delete-without-where@1"), errors(lint(p)));
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250102000000_new.sql:1") && !e.getMessage().contains("_old.sql"), e.getMessage());
    }

    @Test
    void aBaselineFileThatCannotBeReadIsAnErrorNamingIt() throws Exception {
        Project p = withAcceptedFindings();
        Files.writeString(p.dir.resolve(LintBaseline.FILE_NAME), "{\"findings\": [{\"rule\": \"x\"}]}");
        PilotException e = assertThrows(PilotException.class, () -> lint(p));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertTrue(e.getMessage().contains(LintBaseline.FILE_NAME) && e.getMessage().contains("fingerprint"), e.getMessage());
    }

    @Test
    void fingerprintsNameTheRuleAndNumberARepeatInTheSameFile() {
        Project p = new Project();
        p.write("20250101000000_old.sql", OLD + "delete from public.notes;\n");
        List<String> fps = p.pilot().writeLintBaseline(Map.of()).findings().stream()
                .filter(f -> f.ruleId().equals("ban-delete-without-where")).map(Finding::fingerprint).toList();
        assertEquals(2, fps.size());
        assertTrue(fps.get(0).startsWith("ban-delete-without-where:") && fps.get(1).equals(fps.get(0) + "#2"), fps.toString());
    }
}
