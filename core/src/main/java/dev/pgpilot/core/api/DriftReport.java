package dev.pgpilot.core.api;

import dev.pgpilot.core.drift.Drift;

/**
 * {@code diff} as a person or a script reads it.
 *
 * @param text   the report, its last line saying where the migrations were replayed
 * @param json   the differences as one JSON document
 * @param inLine true when the target matches its applied migrations
 */
public record DriftReport(String text, String json, boolean inLine) {
    static DriftReport of(Drift.Result r) {
        return new DriftReport(r.toText(), r.toJson(), r.diff().isEmpty());
    }
}
