package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-English eval (a copy of ../shared/eval/nl/cases.jsonl) in-process: each request is
 * planned and written through Pilot, the written file is applied to a fresh copy of the base
 * schema, and the case's check must return true; refusals must exit 1 and write nothing.
 */
class NlEvalCasesTest {
    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> everyEvalCasePassesAgainstARealDatabase() throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Fixture.resource("/nl/cases.jsonl").lines().filter(l -> !l.isBlank()).map(line -> {
            try {
                JsonNode c = json.readTree(line);
                return DynamicTest.dynamicTest(c.get("id").asText() + ": " + c.get("request").asText(), () -> run(c));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void run(JsonNode c) throws Exception {
        DatabaseTarget db = Fixture.fresh();
        Path work = Files.createDirectories(tmp.resolve(c.get("id").asText()));
        Pilot pilot = new Pilot(Pilot.Options.cli(work), Clock.systemUTC(), Map.of());
        Catalog catalog = Fixture.catalog(db);
        String request = c.get("request").asText();
        if (c.get("expect").asText().equals("refuse")) {
            PilotException e = assertThrows(PilotException.class, () -> pilot.write(InternalAccess.plan(pilot, request, catalog)));
            assertEquals(PilotException.REFUSED, e.exitCode());
            assertEquals(0, countSql(work), "a refused request writes nothing");
            return;
        }
        StringBuilder ran = new StringBuilder();
        for (Path file : pilot.write(InternalAccess.plan(pilot, request, catalog))) {
            Fixture.run(db, Files.readString(file));
            ran.append(Files.readString(file));
        }
        assertEquals("t", Fixture.query(db, c.get("check").asText()), "check failed for:\n" + ran);
    }

    private static long countSql(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).count();
        }
    }
}
