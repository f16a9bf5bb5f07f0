package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;

/**
 * "anyone, even when logged out", "logged-out visitors", "people who aren't signed in", "guests":
 * words before "can" that say the grant is for the anon role too. The "not" in "not logged in" is
 * about the person, not a command taken back ({@link PolicyVerbs#refuseNegation}).
 */
final class SignedOutWords {
    private SignedOutWords() {}

    /** True when the words say someone who is not signed in. */
    static boolean said(List<Tok> who) {
        for (int i = 0; i < who.size(); i++) {
            Tok t = who.get(i);
            if (t.is("logged-out", "signed-out", "guests", "guest", "unauthenticated")) return true;
            if (t.is("logged", "signed") && i + 1 < who.size() && who.get(i + 1).is("out")) return true;
            if (aboutSigningIn(who, i)) return true;
        }
        return false;
    }

    /** "not logged in", "without signing in", "without an account": a negation of being signed in, at i. */
    static boolean aboutSigningIn(List<Tok> toks, int i) {
        if (!toks.get(i).is("not", "without")) return false;
        for (int k = i + 1; k < toks.size() && k <= i + 3; k++) {
            Tok t = toks.get(k);
            if (t.is("logged", "signed", "logging", "signing", "logged-in", "signed-in", "account", "login", "authenticated")) return true;
            if (!t.is("being", "an", "a", "yet", "even")) return false;
        }
        return false;
    }
}
