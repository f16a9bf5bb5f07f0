package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.Rule;
import dev.pgpilot.core.api.model.Severity;

/** Holds the four constant parts of a rule, so each rule class is only its check. */
abstract class BaseRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String why;
    private final String fix;

    BaseRule(String id, Severity severity, String why, String fix) {
        this.id = id;
        this.severity = severity;
        this.why = why;
        this.fix = fix;
    }

    @Override public String id() { return id; }
    @Override public Severity defaultSeverity() { return severity; }
    @Override public String why() { return why; }
    @Override public String fix() { return fix; }
}
