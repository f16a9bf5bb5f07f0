package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;

/**
 * A column asked to be what it already is ("require tasks.title" when it is not null). On its own
 * the request is refused saying so; as one clause of several ("job title is optional, add a
 * timezone text too") it is what the plan lists as already there, and the other clauses are planned.
 */
final class AlreadySo extends PilotException {
    /** The column the clause was about: what a later clause's "it" or missing table means. */
    final QualifiedName table;
    final String column;

    AlreadySo(String what, QualifiedName table, String column) {
        super(what, null, REFUSED);
        this.table = table;
        this.column = column;
    }
}
