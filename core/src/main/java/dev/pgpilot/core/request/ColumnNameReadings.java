package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column phrase whose last word is both a type and a plausible end of the name ("birthday date":
 * the column birthday of type date, or the column birthday_date?). Thrown where the phrase is read,
 * which does not see the whole request; the parser turns it into an {@link AmbiguousRequest} whose
 * readings are the whole request said both ways.
 */
final class ColumnNameReadings extends PilotException {
    private final List<String> nameWords;
    private final String typeWord;
    private final String typeSql;

    ColumnNameReadings(List<String> nameWords, String typeWord, String typeSql) {
        super("\"" + String.join(" ", nameWords) + " " + typeWord + "\" can name the column " + String.join("_", nameWords)
                + " or " + String.join("_", nameWords) + "_" + typeWord, "write the column name with underscores", REFUSED);
        this.nameWords = nameWords;
        this.typeWord = typeWord;
        this.typeSql = typeSql;
    }

    /** The word that is both the type and a possible end of the name ("date" in "birthday date"). */
    String typeWord() {
        return typeWord;
    }

    /**
     * The two readings of {@code request}, each the whole request said unambiguously; this refusal
     * itself when the phrase cannot be found again in the request's text.
     */
    PilotException readings(String request) {
        String name = String.join("_", nameWords);
        Matcher m = Pattern.compile("(?i)(?<![\\w.])" + String.join("\\s+", nameWords.stream().map(Pattern::quote).toList())
                + "\\s+" + Pattern.quote(typeWord) + "(?![\\w.])").matcher(request);
        if (!m.find()) return this;
        return new AmbiguousRequest(request, List.of(
                new AmbiguousRequest.Reading("a column " + name + " of type " + typeSql, replace(request, m, name + " of type " + typeWord)),
                new AmbiguousRequest.Reading("a column " + name + "_" + typeWord + " of type " + typeSql, replace(request, m, name + "_" + typeWord + " " + typeWord))));
    }

    private static String replace(String request, Matcher m, String with) {
        return request.substring(0, m.start()) + with + request.substring(m.end());
    }
}
