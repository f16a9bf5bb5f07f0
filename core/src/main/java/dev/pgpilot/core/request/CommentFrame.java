package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.Comment;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;

/** "comment on table orders: Customer orders", "describe tasks.due_on 'when it is due'": slots table or column, and the text. */
record CommentFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        // "comment authors can edit their own comments" says who can, with no comment text: a policy
        boolean rule = w.has("can") && w.source().indexOf(':') < 0 && w.all().stream().noneMatch(t -> t.kind() == Kind.QUOTED);
        return !rule && (w.first().is("comment", "describe", "document") || w.phrase("comment", "on"));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        String raw = w.source();
        int colon = raw.indexOf(':');
        String text;
        List<Tok> target;
        Optional<Tok> quoted = all.stream().filter(t -> t.kind() == Kind.QUOTED).reduce((a, b) -> b);
        if (colon >= 0) {
            // everything after the colon is the text, whatever it says
            text = raw.substring(colon + 1).strip();
            if (text.length() > 1 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) text = text.substring(1, text.length() - 1);
            target = RequestLexer.lex(raw.substring(0, colon));
        } else if (quoted.isPresent()) {
            text = quoted.get().text();
            target = all.subList(0, all.indexOf(quoted.get()));
        } else {
            throw refuse("comment with what text?", "e.g. \"comment on table orders: Customer orders\"");
        }
        if (text.isBlank()) throw refuse("empty comment text", "e.g. \"comment on table orders: Customer orders\"");
        // "comment on notes: ..." where notes is no table but a column of some: the column, linked or asked
        boolean namesNoTable = target.stream().noneMatch(t -> t.word() && slots.catalog().findTable(t.text()).isPresent());
        boolean column = target.stream().anyMatch(t -> t.is("column") || t.text().contains("."))
                || namesNoTable && !new ColumnLinker(slots.catalog()).candidates(target).isEmpty();
        if (column) {
            NameLinks.ColRef r = slots.names().columnRef(w, target);
            return List.of(new Comment(r.table().name(), r.column().name(), text, null));
        }
        Catalog.Table t = slots.names().lastTable(target);
        return List.of(new Comment(t.name(), null, text, t.comment()));
    }
}
