package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Tok;
import dev.pgpilot.core.request.WordAccount.Use;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How well one complete reading (every word accounted for) explains its request, from what can be
 * seen in the reading itself. For each word of the request:
 * <ul>
 * <li>{@code carried}: a slot of the reading carries it as something that is already known: an
 *     existing table or column, a type, a value. A reading that puts more of the user's words to
 *     such use explains more of what was said than one that lets them pass as function words
 *     ("on", "unique", "required");</li>
 * <li>{@code coined}: it only became part of a name the reading invents (a new column, table,
 *     enum, a rename's new name). Any word can be glued into a new name, so a coined word explains
 *     nothing: "have body unique on notes" is not a new column have_body;</li>
 * <li>{@code links}: the carried words that name an existing table, or a column of a table the
 *     reading changes: a reading that uses the catalog beats one that does not.</li>
 * </ul>
 * The frame's cue rank ({@link FrameKind} order) only orders readings for display; it never
 * decides between two readings.
 */
record ReadingScore(FrameKind kind, List<ChangeRequest> changes, int carried, int coined, int links) {
    private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_$]*");

    static ReadingScore of(FrameKind kind, List<ChangeRequest> changes, List<Tok> toks, Catalog catalog) {
        List<Use> uses = WordAccount.uses(toks, changes, catalog);
        Set<String> linkable = linkable(changes, catalog);
        Set<String> invented = new HashSet<>();
        for (ChangeRequest c : changes) for (String n : newNames(c)) invented.addAll(List.of(n.split("_")));
        int carried = 0, coined = 0, links = 0;
        for (int i = 0; i < toks.size(); i++) {
            if (uses.get(i) != Use.SLOT) continue;
            String word = toks.get(i).text();
            if (names(word, linkable)) {
                carried++;
                links++;
            } else if (toks.get(i).word() && names(word, invented)) {
                coined++;
            } else {
                carried++;
            }
        }
        return new ReadingScore(kind, changes, carried, coined, links);
    }

    /**
     * True when this reading clearly beats {@code other}: it carries more of the words, or as many
     * and links more of them to the catalog, or as many of both and coins fewer. Equal on all
     * three: neither wins.
     */
    boolean beats(ReadingScore other) {
        if (carried != other.carried) return carried > other.carried;
        if (links != other.links) return links > other.links;
        return coined < other.coined;
    }

    /** Best first: by {@link #beats}, then by the frames' order. */
    static final Comparator<ReadingScore> BEST_FIRST = Comparator.comparingInt(ReadingScore::carried).reversed()
            .thenComparing(Comparator.comparingInt(ReadingScore::links).reversed())
            .thenComparingInt(ReadingScore::coined)
            .thenComparingInt(r -> r.kind().ordinal());

    private static boolean names(String word, Set<String> linkable) {
        for (String part : word.split("\\.")) {
            if (Inflect.variants(part).stream().noneMatch(linkable::contains)) return false;
        }
        return true;
    }

    /**
     * The names of the existing tables the changes touch and of those tables' columns, less the
     * names the changes give new objects: a word read as a new column's name links nothing, even
     * when a column of that name is already there ("make labels.color unique" is no new color).
     */
    private static Set<String> linkable(List<ChangeRequest> changes, Catalog catalog) {
        Set<String> out = new HashSet<>();
        // a table name the changes hold is a QualifiedName, which they carry as schema.name too
        for (String v : WordAccount.values(changes)) {
            if (!QUALIFIED.matcher(v).matches()) continue;
            catalog.findTable(v).filter(t -> t.name().display().equals(v)).ifPresent(t -> {
                out.add(t.name().name());
                out.addAll(t.columns().keySet());
            });
        }
        for (ChangeRequest c : changes) out.removeAll(newNames(c));
        return out;
    }

    private static List<String> newNames(ChangeRequest c) {
        if (c instanceof ChangeRequest.AddColumn a) return List.of(a.column().name());
        if (c instanceof ChangeRequest.CreateTable t) return List.of(t.table().name());
        if (c instanceof ChangeRequest.RenameColumn r) return List.of(r.to());
        if (c instanceof ChangeRequest.RenameTable r) return List.of(r.to());
        if (c instanceof ChangeRequest.CreateEnum e) return List.of(e.type().name());
        return List.of();
    }
}
