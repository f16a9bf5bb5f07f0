package dev.pgpilot.core.api.model;

import dev.pgpilot.core.PilotException;
import java.util.List;

/**
 * A request with more than one reading: nothing is picked. The shell offers the readings as numbered
 * choices and plans the one chosen; the CLI and Slack refuse (exit 1) listing them.
 */
public abstract class Ambiguous extends PilotException {
    /** @param meaning what the reading does, for a person; @param request the same change said unambiguously */
    public record Reading(String meaning, String request) {}

    protected Ambiguous(String message, String hint) {
        super(message, hint, REFUSED);
    }

    /** At least two, each with a request that says the same thing unambiguously. */
    public abstract List<Reading> readings();
}
