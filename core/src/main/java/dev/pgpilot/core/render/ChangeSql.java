package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.commentText;
import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one change adds to its request's migrations: up statements by section and down statements
 * (in the order they must run), in the first migration and in the one after it ({@code later}).
 */
final class ChangeSql {
    private final Set<QualifiedName> newTables;
    final Map<Section, List<String>> up = new EnumMap<>(Section.class);
    final List<String> down = new ArrayList<>();
    final Map<LaterSection, List<String>> later = new EnumMap<>(LaterSection.class);
    final List<String> laterDown = new ArrayList<>();
    /** a trigger calls public.set_updated_at(): the first migration creates it (or replaces it) */
    boolean needsFunction;
    /** the function did not exist before: the down script drops it when no trigger uses it any more */
    boolean createsFunction;
    boolean locksExistingTable;

    /** @param newTables tables this request creates: nothing else uses them yet, so building on them needs no care for traffic */
    ChangeSql(Set<QualifiedName> newTables) {
        this.newTables = newTables;
    }

    boolean isNew(QualifiedName table) {
        return newTables.contains(table);
    }

    void up(Section s, String sql) { up.computeIfAbsent(s, k -> new ArrayList<>()).add(sql); }

    void later(LaterSection s, String sql) { later.computeIfAbsent(s, k -> new ArrayList<>()).add(sql); }

    /**
     * VALIDATE CONSTRAINT in the migration after this one: it scans the rows without blocking writes.
     * Its down puts the constraint back as the previous migration left it, NOT VALID (PostgreSQL has
     * no "unvalidate": drop and re-add in one statement, so no moment is without the constraint).
     */
    void validateLater(QualifiedName table, String constraint, String add) {
        later(LaterSection.VALIDATE, alter(table) + " validate constraint " + Quote.ident(constraint) + ";");
        laterDown.add("-- " + commentText(constraint) + " back to NOT VALID, as the previous migration added it");
        laterDown.add(doBlock("begin\n  " + alter(table) + " drop constraint if exists " + Quote.ident(constraint) + ";\n  " + add + " not valid;\nend"));
    }
}
