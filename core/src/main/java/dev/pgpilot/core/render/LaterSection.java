package dev.pgpilot.core.render;

/** Sections of the migration that runs outside a transaction, after the first one. */
enum LaterSection {
    INDEXES("Indexes, built without blocking writes (CONCURRENTLY cannot run in a transaction: this file runs statement by statement)"),
    VALIDATE("Check the existing rows against the constraints the previous migration added NOT VALID (writes go on meanwhile)");

    final String title;

    LaterSection(String title) { this.title = title; }
}
