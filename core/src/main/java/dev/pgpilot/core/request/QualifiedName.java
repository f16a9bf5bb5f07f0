package dev.pgpilot.core.request;

/** A schema-qualified object name; both parts validated when rendered. */
public record QualifiedName(String schema, String name) {
    public static QualifiedName pub(String name) {
        return new QualifiedName("public", name);
    }

    public String sql() {
        return Quote.ident(schema) + "." + Quote.ident(name);
    }

    /** For messages and regclass literals: schema.name. */
    public String display() {
        return schema + "." + name;
    }

    @Override
    public String toString() {
        return display();
    }
}
