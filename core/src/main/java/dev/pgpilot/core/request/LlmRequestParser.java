package dev.pgpilot.core.request;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.workspace.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Optional request parser backed by a chat model (OpenAI-compatible endpoint; Ollama through its
 * {@code /v1} endpoint). The model only fills {@link ChangeRequest} records as JSON; every change
 * then goes through {@link ChangeResolver}, as strict as the rule-based parser. SQL from the model
 * is never used.
 */
public final class LlmRequestParser {
    private final ChatModel model;
    private final Catalog catalog;
    private static final ObjectMapper JSON = mapper();

    public LlmRequestParser(ChatModel model, Catalog catalog) {
        this.model = model;
        this.catalog = catalog;
    }

    /** The model from {@code llm:} in pgpilot.yaml, or PGPILOT_LLM_BASE_URL / PGPILOT_LLM_MODEL; null when neither is set. */
    public static ChatModel configuredModel(Config.Llm llm, Map<String, String> env) {
        String base = llm != null && llm.baseUrl() != null ? llm.baseUrl() : env.get("PGPILOT_LLM_BASE_URL");
        String name = llm != null && llm.model() != null ? llm.model() : env.get("PGPILOT_LLM_MODEL");
        if (base == null || base.isBlank()) return null;
        if (name == null || name.isBlank()) throw PilotException.error("LLM base URL set but no model", "set llm.model in pgpilot.yaml or PGPILOT_LLM_MODEL");
        if (llm != null && "ollama".equalsIgnoreCase(llm.provider()) && !base.endsWith("/v1")) base = base.replaceAll("/+$", "") + "/v1";
        String keyEnv = llm != null && llm.apiKeyEnv() != null ? llm.apiKeyEnv() : "PGPILOT_LLM_API_KEY";
        String key = env.getOrDefault(keyEnv, "none");
        int timeout = llm != null && llm.timeoutSeconds() != null ? llm.timeoutSeconds() : 60;
        return OpenAiChatModel.builder().baseUrl(base).apiKey(key).modelName(name).temperature(0.0)
                .timeout(Duration.ofSeconds(timeout)).maxRetries(1).build();
    }

    public ChangeSet parse(String request) {
        String text = Quote.oneLine(request);
        if (text.isEmpty()) throw PilotException.refused("empty request", "say what to change, e.g. \"add notes text to orders\"");
        List<RequestLexer.Tok> toks = RequestParser.readable(text, catalog); // row changes are refused before the model is asked
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompt("request-system.txt") + "\nCatalog:\n" + catalogSummary()));
        for (String line : prompt("request-examples.jsonl").split("\n")) {
            if (line.isBlank()) continue;
            try {
                JsonNode ex = JSON.readTree(line);
                messages.add(UserMessage.from(ex.get("request").asText()));
                messages.add(AiMessage.from(ex.get("reply").toString()));
            } catch (IOException e) {
                throw new IllegalStateException("bad few-shot example in prompts/request-examples.jsonl", e);
            }
        }
        messages.add(UserMessage.from(text));
        String reply;
        try {
            reply = model.chat(ChatRequest.builder().messages(messages).responseFormat(ResponseFormat.JSON).build()).aiMessage().text();
        } catch (RuntimeException e) {
            throw new PilotException("the language model did not answer: " + Quote.oneLine(e.getMessage()), "check llm.base_url and llm.model, or remove llm: to use the offline parser", PilotException.ERROR, e);
        }
        List<ChangeRequest> changes = changes(reply);
        refuseUnaskedTables(text, changes);
        // the model's reading must account for every word of the request, as the rules' must
        WordAccount.check(toks, changes, catalog);
        return ExistingObjects.check(new ChangeSet(text, changes), catalog);
    }

    /**
     * A model may turn "add nickname to the userz table" into a new table userz. The rule parser
     * only creates a table the request asks for, and so does a model's reply: a misspelled table is
     * refused with the closest names instead.
     */
    private void refuseUnaskedTables(String text, List<ChangeRequest> changes) {
        if (RequestParser.asksForNewTable(text)) return;
        for (ChangeRequest c : changes) {
            if (c instanceof ChangeRequest.CreateTable t) {
                throw PilotException.refused("unknown table: " + t.table().name() + " (the request does not ask for a new table)",
                        Suggest.hint(t.table().name(), catalog.publicTableNames(), "tables"));
            }
        }
    }

    /** Parses the model's JSON reply into checked changes; refuses what the model refused or got wrong. */
    List<ChangeRequest> changes(String reply) {
        Reply r;
        try {
            r = JSON.readValue(stripFence(reply), Reply.class);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof PilotException p) throw p;
            throw PilotException.refused("the model's reply was not understood: " + Quote.oneLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), "rephrase the request, or use the offline parser");
        }
        if (r.changes() == null || r.changes().isEmpty()) {
            throw PilotException.refused(r.refusal() == null ? "the model found no schema change in the request" : "refused: " + Quote.oneLine(r.refusal()), null);
        }
        ChangeResolver resolver = new ChangeResolver(catalog);
        return r.changes().stream().map(resolver::resolve).toList();
    }

    record Reply(List<ChangeRequest> changes, String refusal) {}

    private static String stripFence(String s) {
        String t = s == null ? "" : s.strip();
        if (t.startsWith("```")) t = t.replaceAll("^```[a-z]*\\s*", "").replaceAll("```$", "");
        return t;
    }

    private String catalogSummary() {
        StringBuilder b = new StringBuilder();
        for (Catalog.Table t : catalog.tables().values()) {
            if (!t.name().schema().equals("public")) continue;
            b.append("- ").append(t.name().name()).append(" (");
            b.append(String.join(", ", t.columns().values().stream().map(c -> c.name() + " " + c.type()).toList())).append(")\n");
        }
        return b.toString();
    }

    private static String prompt(String name) {
        try (InputStream in = LlmRequestParser.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) throw new IllegalStateException("missing prompt " + name + " (pgpilot-prompts on the classpath?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ChangeRequest.AddColumn.class, name = "add_column"),
        @JsonSubTypes.Type(value = ChangeRequest.DropColumn.class, name = "drop_column"),
        @JsonSubTypes.Type(value = ChangeRequest.RenameColumn.class, name = "rename_column"),
        @JsonSubTypes.Type(value = ChangeRequest.AlterColumnType.class, name = "alter_column_type"),
        @JsonSubTypes.Type(value = ChangeRequest.SetDefault.class, name = "set_default"),
        @JsonSubTypes.Type(value = ChangeRequest.DropDefault.class, name = "drop_default"),
        @JsonSubTypes.Type(value = ChangeRequest.SetNotNull.class, name = "set_not_null"),
        @JsonSubTypes.Type(value = ChangeRequest.AddCheck.class, name = "add_check"),
        @JsonSubTypes.Type(value = ChangeRequest.AddForeignKey.class, name = "add_foreign_key"),
        @JsonSubTypes.Type(value = ChangeRequest.CreateTable.class, name = "create_table"),
        @JsonSubTypes.Type(value = ChangeRequest.RenameTable.class, name = "rename_table"),
        @JsonSubTypes.Type(value = ChangeRequest.DropTable.class, name = "drop_table"),
        @JsonSubTypes.Type(value = ChangeRequest.CreateIndex.class, name = "create_index"),
        @JsonSubTypes.Type(value = ChangeRequest.DropIndex.class, name = "drop_index"),
        @JsonSubTypes.Type(value = ChangeRequest.CreateEnum.class, name = "create_enum"),
        @JsonSubTypes.Type(value = ChangeRequest.AddEnumValue.class, name = "add_enum_value"),
        @JsonSubTypes.Type(value = ChangeRequest.EnableRls.class, name = "enable_rls"),
        @JsonSubTypes.Type(value = ChangeRequest.CreatePolicy.class, name = "create_policy"),
        @JsonSubTypes.Type(value = ChangeRequest.AddUpdatedAtTrigger.class, name = "add_updated_at_trigger"),
        @JsonSubTypes.Type(value = ChangeRequest.CreateBucket.class, name = "create_bucket"),
        @JsonSubTypes.Type(value = ChangeRequest.Comment.class, name = "comment"),
    })
    private interface ChangeRequestMixin {}

    private static ObjectMapper mapper() {
        SimpleModule names = new SimpleModule().addDeserializer(QualifiedName.class, new JsonDeserializer<>() {
            @Override
            public QualifiedName deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String s = p.getValueAsString();
                if (s == null) return null;
                String n = s.strip().toLowerCase(java.util.Locale.ROOT);
                int dot = n.indexOf('.');
                return dot < 0 ? QualifiedName.pub(n) : new QualifiedName(n.substring(0, dot), n.substring(dot + 1));
            }
        });
        return new ObjectMapper().registerModule(names).addMixIn(ChangeRequest.class, ChangeRequestMixin.class)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
