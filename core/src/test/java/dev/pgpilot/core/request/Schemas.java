package dev.pgpilot.core.request;

/** Small in-memory schemas for frame unit tests. */
final class Schemas {
    private Schemas() {}

    /**
     * A task tracker where notes is a table and also a column of tasks, and projects and labels
     * both have color and description.
     */
    static Catalog tasks() {
        return new TinyCatalog()
                .table("projects", "id bigint!", "name text!", "color text", "description text")
                .table("tasks", "id bigint!", "project_id bigint", "title text!", "notes text", "status task_status", "estimate integer", "created_by uuid")
                .table("labels", "id bigint!", "color text", "description text")
                .table("notes", "id bigint!", "body text")
                .enumType("task_status", "todo", "done")
                .index("tasks", "idx_tasks_status", "status")
                .build();
    }
}
