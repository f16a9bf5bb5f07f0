package dev.pgpilot.core.render;

/** The sections of a request's first migration, in the order they appear. */
enum Section {
    TABLES("Tables"), INDEXES("Indexes"), FOREIGN_KEYS("Foreign keys"), RLS("Row level security"),
    RIGHTS("Functions the policies below call"), POLICIES("Policies"), FUNCTIONS("Functions and triggers"), COMMENTS("Comments");

    final String title;

    Section(String title) { this.title = title; }
}
