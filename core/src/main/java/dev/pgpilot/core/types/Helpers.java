package dev.pgpilot.core.types;

/**
 * The generic helpers after the {@code Database} type, used as supabase-js users use the CLI's:
 * {@code Tables<"notes">} for the default schema, {@code Tables<{ schema: "private" }, "notes">}
 * for another; likewise TablesInsert, TablesUpdate, Enums and CompositeTypes. The schema option
 * never offers {@code __InternalSupabase}, which is no schema.
 */
final class Helpers {
    private Helpers() {}

    static String text(String defaultSchema) {
        return common(defaultSchema) + inSection("TablesInsert", "Tables", "InsertOf") + inSection("TablesUpdate", "Tables", "UpdateOf")
                + inSection("Enums", "Enums", "") + inSection("CompositeTypes", "CompositeTypes", "");
    }

    /**
     * A helper over one section of a schema: {@code Helper<"name">} in the default schema or
     * {@code Helper<{ schema }, "name">}, the entry unwrapped by {@code unwrap} (InsertOf...) when given.
     */
    private static String inSection(String helper, String section, String unwrap) {
        String open = unwrap.isEmpty() ? "" : unwrap + "<";
        String close = unwrap.isEmpty() ? "" : ">";
        return """

                export type %1$s<
                  NameOrSchema extends keyof DefaultSchema["%2$s"] | SchemaOption,
                  Name extends NameOrSchema extends SchemaOption
                    ? keyof DatabaseWithoutInternals[NameOrSchema["schema"]]["%2$s"]
                    : never = never,
                > = NameOrSchema extends SchemaOption
                  ? %3$sDatabaseWithoutInternals[NameOrSchema["schema"]]["%2$s"][Name]%4$s
                  : NameOrSchema extends keyof DefaultSchema["%2$s"]
                    ? %3$sDefaultSchema["%2$s"][NameOrSchema]%4$s
                    : never
                """.formatted(helper, section, open, close);
    }

    private static String common(String defaultSchema) {
        return """
                type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

                type SchemaOption = { schema: keyof DatabaseWithoutInternals }

                type DefaultSchema = DatabaseWithoutInternals[%s]

                type Readable<S extends keyof DatabaseWithoutInternals> = DatabaseWithoutInternals[S]["Tables"] &
                  DatabaseWithoutInternals[S]["Views"]

                type RowOf<T> = T extends { Row: infer R } ? R : never
                type InsertOf<T> = T extends { Insert: infer I } ? I : never
                type UpdateOf<T> = T extends { Update: infer U } ? U : never

                export type Tables<
                  NameOrSchema extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"]) | SchemaOption,
                  Name extends NameOrSchema extends SchemaOption ? keyof Readable<NameOrSchema["schema"]> : never = never,
                > = NameOrSchema extends SchemaOption
                  ? RowOf<Readable<NameOrSchema["schema"]>[Name]>
                  : NameOrSchema extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
                    ? RowOf<(DefaultSchema["Tables"] & DefaultSchema["Views"])[NameOrSchema]>
                    : never
                """.formatted("\"" + defaultSchema.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
}
