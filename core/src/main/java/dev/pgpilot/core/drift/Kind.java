package dev.pgpilot.core.drift;

/** The kinds of objects drift compares, in the order reports list them. */
public enum Kind {
    TABLE("table"), COLUMN("column"), CONSTRAINT("constraint"), INDEX("index"), POLICY("policy"),
    FUNCTION("function"), TRIGGER("trigger"), ENUM("enum"), VIEW("view"), GRANT("grant"), COMMENT("comment"),
    EXTENSION("extension"), PUBLICATION("publication");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
