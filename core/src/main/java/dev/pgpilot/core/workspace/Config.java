package dev.pgpilot.core.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's {@code pgpilot.yaml}. Every field has a default, so a missing file is a valid config.
 *
 * @param migrations       migrations folder, relative to the workdir
 * @param lockTimeout      {@code lock_timeout} for each migration (PostgreSQL interval text)
 * @param statementTimeout {@code statement_timeout} for each statement ("0" = none)
 * @param lockRetries      how many times a migration that hit {@code lock_timeout} is retried
 * @param defaultEnv       environment used when none is named and no URL is given
 * @param environments     named targets
 * @param lint             rule severities: rule id -> off|info|warning|error
 * @param llm              optional LLM backend settings (off when null)
 * @param groups           named sets of environments for a rollout ({@code up --env group:NAME})
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Config(
        String migrations,
        @JsonProperty("lock_timeout") String lockTimeout,
        @JsonProperty("statement_timeout") String statementTimeout,
        @JsonProperty("lock_retries") Integer lockRetries,
        @JsonProperty("default_env") String defaultEnv,
        Map<String, Environment> environments,
        Map<String, String> lint,
        Llm llm,
        Map<String, List<String>> groups) {

    public static final String FILE_NAME = "pgpilot.yaml";

    public Config {
        migrations = migrations == null ? "supabase/migrations" : migrations;
        lockTimeout = lockTimeout == null ? "5s" : lockTimeout;
        statementTimeout = statementTimeout == null ? "0" : statementTimeout;
        lockRetries = lockRetries == null ? 3 : lockRetries;
        Map<String, Environment> named = new LinkedHashMap<>();
        if (environments != null) {
            environments.forEach((k, v) -> named.put(k, (v == null ? new Environment(k, null, false, false, null) : v).withName(k)));
        }
        environments = java.util.Collections.unmodifiableMap(named); // keeps the order of the file: status --env all lists them so
        lint = lint == null ? Map.of() : Map.copyOf(lint);
        Map<String, List<String>> g = new LinkedHashMap<>();
        if (groups != null) {
            groups.forEach((k, v) -> g.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        groups = java.util.Collections.unmodifiableMap(g);
    }

    public static Config defaults() {
        return new Config(null, null, null, null, null, null, null, null, null);
    }

    /** Optional LLM backend: {@code provider} is {@code openai} (any compatible base URL) or {@code ollama}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Llm(String provider, @JsonProperty("base_url") String baseUrl, String model,
                      @JsonProperty("api_key_env") String apiKeyEnv, @JsonProperty("timeout_seconds") Integer timeoutSeconds) {}

    /** Built on first use: Jackson's YAML setup costs a fifth of a second of start-up, and most projects have no pgpilot.yaml. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** Reads {@code pgpilot.yaml} from the workdir; defaults when it does not exist. */
    public static Config load(Path workdir) {
        Path file = workdir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return defaults();
        }
        try {
            String text = Files.readString(file);
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                return defaults(); // only comments: YAML's empty document, which Jackson would refuse as "no content"
            }
            Config c = Yaml.MAPPER.readValue(text, Config.class);
            return c == null ? defaults() : c;
        } catch (JsonMappingException e) {
            String where = e.getLocation() == null ? "" : ":" + lineOf(file, e);
            throw PilotException.error(file.getFileName() + where + ": " + e.getOriginalMessage().split("\n")[0],
                    "fix " + FILE_NAME + " (see README, 'Configuration')");
        } catch (IOException e) {
            throw PilotException.error("cannot read " + file + ": " + e.getMessage(), null);
        }
    }

    /**
     * The YAML parser reports the position after the offending value; for an unknown key the
     * user wants the key's own line, so look it up.
     */
    private static int lineOf(Path file, JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            try {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).matches("\\s*-?\\s*\"?" + java.util.regex.Pattern.quote(u.getPropertyName()) + "\"?\\s*:.*")) {
                        return i + 1;
                    }
                }
            } catch (IOException ignored) {
                // fall through to the parser's position
            }
        }
        return e.getLocation().getLineNr();
    }

    public Environment environment(String name) {
        Environment e = environments.get(name);
        if (e == null) {
            throw PilotException.error("unknown environment: " + name,
                    environments.isEmpty() ? "no environments are configured in " + FILE_NAME
                            : "known: " + String.join(", ", environments.keySet()));
        }
        return e;
    }
}
