package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM backend against a loopback stub that speaks /v1/chat/completions and returns canned JSON. */
class LlmRequestParserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static DatabaseTarget db;
    static Catalog catalog;
    HttpServer server;
    volatile String reply;
    final List<String> requests = new CopyOnWriteArrayList<>();
    @TempDir Path work;

    @BeforeAll
    static void load() {
        db = Fixture.fresh();
        catalog = Fixture.catalog(db);
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode body = JSON.createObjectNode().put("id", "stub").put("object", "chat.completion").put("created", 1).put("model", "stub-model");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", reply);
            body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
            byte[] out = JSON.writeValueAsBytes(body);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Pilot pilot() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new Pilot(Pilot.Options.cli(work), Clock.systemUTC(), Map.of("PGPILOT_LLM_BASE_URL", base, "PGPILOT_LLM_MODEL", "stub-model"));
    }

    @Test
    void modelReplyBecomesTheSameMigrationTheRuleParserWouldWriteAndApplies() throws Exception {
        reply = "{\"changes\": [{\"kind\": \"add_column\", \"table\": \"orders\", \"column\": {\"name\": \"notes\", \"type\": \"text\"}}]}";
        Plan plan = InternalAccess.plan(pilot(), "orders need a place for notes", catalog);
        assertTrue(plan.migration().upSql().contains("add column if not exists \"notes\" text;"), plan.migration().upSql());
        DatabaseTarget fresh = Fixture.fresh();
        Fixture.exec(fresh, plan.migration().upSql());
        assertEquals("text", Fixture.query(fresh, "select evalx.coltype('orders','notes')"));
        String sent = requests.get(0);
        assertTrue(sent.contains("You never write SQL"), "system prompt from the prompts module is sent");
        assertTrue(sent.contains("orders need a place for notes"), sent);
        assertTrue(sent.contains("json_object"), "asks for a JSON reply: " + sent);
    }

    /**
     * What is already there is "already there, nothing to do" (exit 0) through the model too, with
     * the rule parser's message: the model's reading goes through the same existing-objects check,
     * and is not refused (exit 1) for naming something that exists.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
        add email text to customers   | {"changes": [{"kind": "add_column", "table": "customers", "column": {"name": "email", "type": "text"}}]}
        enable rls on posts           | {"changes": [{"kind": "enable_rls", "table": "posts"}]}
        add 'paid' to order_status    | {"changes": [{"kind": "add_enum_value", "type": "order_status", "value": "paid"}]}
        create an enum order_status with pending, paid and shipped | {"changes": [{"kind": "create_enum", "type": "order_status", "values": ["pending", "paid", "shipped"]}]}
        index orders on customer_id   | {"changes": [{"kind": "create_index", "table": "orders", "columns": ["customer_id"], "unique": false, "full_text": false}]}
        """)
    void whatIsAlreadyThereIsNothingToDoAsWithTheRuleParser(String request, String modelReply) {
        PilotException rules = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        assertEquals(PilotException.NOTHING_TO_DO, rules.exitCode(), rules.getMessage());
        reply = modelReply;
        PilotException model = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), request, catalog));
        assertEquals(PilotException.NOTHING_TO_DO, model.exitCode(), model.getMessage());
        assertEquals(rules.getMessage(), model.getMessage());
    }

    @Test
    void anExistingColumnWithAnotherDefinitionIsRefusedSayingWhatDiffersAsWithTheRuleParser() {
        String request = "add email integer to customers";
        PilotException rules = assertThrows(PilotException.class, () -> new RequestParser(catalog).parse(request));
        reply = "{\"changes\": [{\"kind\": \"add_column\", \"table\": \"customers\", \"column\": {\"name\": \"email\", \"type\": \"integer\"}}]}";
        PilotException model = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), request, catalog));
        assertEquals(PilotException.REFUSED, model.exitCode());
        assertEquals(rules.getMessage(), model.getMessage());
    }

    @Test
    void modelReplyWithAnUnknownTableIsRefusedLikeTheRuleParser() {
        reply = "{\"changes\": [{\"kind\": \"add_column\", \"table\": \"ordrs\", \"column\": {\"name\": \"notes\", \"type\": \"text\"}}]}";
        PilotException e = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "add notes to ordrs", catalog));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertEquals("unknown table: ordrs", e.getMessage());
        assertEquals("did you mean orders?", e.hint());
    }

    @Test
    void modelTurningAnAddToAMisspelledTableIntoANewTableIsRefused() {
        reply = "{\"changes\": [{\"kind\": \"create_table\", \"table\": \"ordrz\", \"columns\": [{\"name\": \"nickname\", \"type\": \"text\"}]}]}";
        PilotException e = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "add a column nickname text to the ordrz table", catalog));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("unknown table: ordrz"), e.getMessage());
        assertEquals("did you mean orders?", e.hint());
        Plan asked = InternalAccess.plan(pilot(), "create a table ordrz with nickname text", catalog);
        assertTrue(asked.migration().upSql().contains("create table if not exists \"public\".\"ordrz\""), asked.migration().upSql());
    }

    @Test
    void modelMayNotSupplySqlExpressions() {
        reply = "{\"changes\": [{\"kind\": \"add_check\", \"table\": \"orders\", \"name\": \"x\", \"expression\": \"true); drop table orders; --\"}]}";
        PilotException e = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "orders total must be positive", catalog));
        assertTrue(e.getMessage().contains("may not write SQL"), e.getMessage());
    }

    @Test
    void modelDefaultThatIsNotAPlainValueIsRefused() {
        reply = "{\"changes\": [{\"kind\": \"set_default\", \"table\": \"orders\", \"column\": \"status\", \"default_sql\": \"(select 1)\"}]}";
        PilotException e = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "default orders status", catalog));
        assertTrue(e.getMessage().contains("not a plain value"), e.getMessage());
    }

    @Test
    void modelRefusalAndGarbageRepliesAreRefusals() {
        reply = "{\"changes\": [], \"refusal\": \"not a schema change\"}";
        assertEquals("refused: not a schema change", assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "make me a sandwich", catalog)).getMessage());
        reply = "sure! here is your SQL: drop table orders;";
        PilotException e = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "drop orders", catalog));
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("the model's reply was not understood"), e.getMessage());
    }

    @Test
    void badIdentifierFromTheModelIsRefused() {
        reply = "{\"changes\": [{\"kind\": \"rename_column\", \"table\": \"customers\", \"from\": \"full_name\", \"to\": \"x\\\"; drop table orders; --\"}]}";
        PilotException e = assertThrows(PilotException.class, () -> InternalAccess.plan(pilot(), "rename", catalog));
        assertTrue(e.getMessage().startsWith("not a valid name"), e.getMessage());
    }
}
