package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.Where;

/** The question asked before a command changes a database; protected environments need their name typed. */
final class Confirm {
    private Confirm() {}

    static boolean change(GlobalOptions global, Pilot pilot, String what, String refused) {
        Where t = pilot.where();
        String question = what + " on " + t.display() + "?";
        if (t.protectedEnvironment() != null) {
            return Prompter.confirmByTyping(global, question, t.protectedEnvironment(), refused);
        }
        return Prompter.confirm(global, question, refused);
    }
}
