package dev.pgpilot.core.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A named database target from {@code pgpilot.yaml}. The URL comes from an environment variable
 * ({@code url_env}) so no password is ever written into the file.
 *
 * @param name       filled in from the map key
 * @param urlEnv     name of the environment variable holding the URL
 * @param isProtected protected environments need typed confirmation and a second person's approval
 * @param resettable {@code reset} may drop and rebuild it
 * @param approvers  Slack user ids that may approve changes here
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Environment(
        String name,
        @JsonProperty("url_env") String urlEnv,
        @JsonProperty("protected") boolean isProtected,
        boolean resettable,
        List<String> approvers) {

    public Environment {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    Environment withName(String n) {
        return new Environment(n, urlEnv, isProtected, resettable, approvers);
    }
}
