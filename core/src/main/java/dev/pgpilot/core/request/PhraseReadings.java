package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of a policy request that names more than one thing of the schema ("admins": the admins
 * table, or the users whose profiles.role is 'admin'? "draft": listings.status or
 * listings.visibility?). Thrown where the word is read, which does not see the request's text;
 * the parser turns it into an {@link AmbiguousRequest} whose readings are the whole request with
 * that word said one way each, offered only when each of them plans to what it says. Otherwise
 * this refusal, which names every reading, is the answer.
 */
final class PhraseReadings extends PilotException {
    /**
     * @param meaning what the reading does, for a person; @param with the words that replace the word
     * (empty: the word goes); @param append words added at the end ("where status is 'draft'"), or "";
     * @param marks a piece of SQL the reading's plan must hold, so a reading that plans something else is never offered
     */
    record Option(String meaning, String with, String append, String marks) {}

    private final String word;
    private final List<Option> options;

    PhraseReadings(String word, String message, List<Option> options) {
        super(message + ": " + meanings(options), "say which, e.g. \"" + options.get(0).meaning() + "\"", REFUSED);
        this.word = word;
        this.options = List.copyOf(options);
    }

    /**
     * The readings of {@code request}, each the whole request said one way; this refusal itself when the
     * word is not in the text or a reading does not plan to what it says ({@code plansTo}: text, marks).
     */
    PilotException readings(String request, java.util.function.BiPredicate<String, String> plansTo) {
        Matcher m = Pattern.compile("(?i)(?<![\\w.'-])" + Pattern.quote(word) + "(?![\\w.'-])").matcher(request);
        if (!m.find()) return this;
        List<AmbiguousRequest.Reading> out = new ArrayList<>();
        for (Option o : options) {
            String said = (request.substring(0, m.start()) + o.with() + request.substring(m.end())).replaceAll("\\s+", " ").strip();
            if (!o.append().isEmpty()) said = said.replaceAll("[.!]+$", "") + " " + o.append();
            if (!plansTo.test(said, o.marks())) return this;
            out.add(new AmbiguousRequest.Reading(o.meaning(), said));
        }
        return new AmbiguousRequest(request, out);
    }

    private static String meanings(List<Option> options) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) out.add((i + 1) + ") " + options.get(i).meaning());
        return String.join("; ", out);
    }
}
