package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.target.TargetResolver;

/** The question asked before a command changes a database; protected environments need their name typed. */
final class Confirm {
    private Confirm() {}

    static boolean change(GlobalOptions global, Pilot pilot, String what, String refused) {
        TargetResolver.Resolved t = pilot.target();
        String question = what + " on " + t.target().display() + "?";
        if (t.isProtected()) {
            return Prompter.confirmByTyping(global, question, t.environment().name(), refused);
        }
        return Prompter.confirm(global, question, refused);
    }
}
