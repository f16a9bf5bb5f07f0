export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // read by createClient<Database>() to pick the PostgREST version's client methods
  __InternalSupabase: {
    PostgrestVersion: "13"
  }
  graphql_public: {
    Tables: {
      [_ in never]: never
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      graphql: {
        Args: {
          extensions?: Json
          operationName?: string
          query?: string
          variables?: Json
        }
        Returns: Json
      }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
  private: {
    Tables: {
      secrets: {
        Row: {
          id: number
          level: Database["private"]["Enums"]["level"]
          note_id: number | null
        }
        Insert: {
          id: number
          level: Database["private"]["Enums"]["level"]
          note_id?: number | null
        }
        Update: {
          id?: number
          level?: Database["private"]["Enums"]["level"]
          note_id?: number | null
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      rotate: {
        Args: never
        Returns: undefined
      }
    }
    Enums: {
      level: "low" | "high"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
  public: {
    Tables: {
      comments: {
        Row: {
          body: string
          id: number
          note_id: number
          posted_at: string
        }
        Insert: {
          body: string
          id?: number
          note_id: number
          posted_at?: string
        }
        Update: {
          body?: string
          id?: number
          note_id?: number
          posted_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "comments_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: false
            referencedRelation: "note_titles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: false
            referencedRelation: "notes"
            referencedColumns: ["id"]
          },
        ]
      }
      note_details: {
        Row: {
          note_id: number
          pinned: boolean
        }
        Insert: {
          note_id: number
          pinned?: boolean
        }
        Update: {
          note_id?: number
          pinned?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "note_details_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: true
            referencedRelation: "note_titles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "note_details_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: true
            referencedRelation: "notes"
            referencedColumns: ["id"]
          },
        ]
      }
      notes: {
        Row: {
          body: string | null
          created_at: string
          id: number
          mood: Database["public"]["Enums"]["mood"] | null
          owner: string
          title: string
          title_length: number | null
          note_comments: {
            body: string
            id: number
            note_id: number
            posted_at: string
          } | null
          title_upper: string | null
        }
        Insert: {
          body?: string | null
          created_at?: string
          id?: never
          mood?: Database["public"]["Enums"]["mood"] | null
          owner: string
          title: string
          title_length?: never
        }
        Update: {
          body?: string | null
          created_at?: string
          id?: never
          mood?: Database["public"]["Enums"]["mood"] | null
          owner?: string
          title?: string
          title_length?: never
        }
        Relationships: []
      }
      profiles: {
        Row: {
          balance: string | null
          blob_id: string | null
          "display name": string | null
          email: string
          home: Database["public"]["CompositeTypes"]["address"] | null
          id: string
          level: Database["private"]["Enums"]["level"] | null
          moods: Database["public"]["Enums"]["mood"][] | null
          nick: string | null
          score: number | null
          settings: Json | null
          tags: string[]
        }
        Insert: {
          balance?: string | null
          blob_id?: string | null
          "display name"?: string | null
          email: string
          home?: Database["public"]["CompositeTypes"]["address"] | null
          id: string
          level?: Database["private"]["Enums"]["level"] | null
          moods?: Database["public"]["Enums"]["mood"][] | null
          nick?: string | null
          score?: number | null
          settings?: Json | null
          tags?: string[]
        }
        Update: {
          balance?: string | null
          blob_id?: string | null
          "display name"?: string | null
          email?: string
          home?: Database["public"]["CompositeTypes"]["address"] | null
          id?: string
          level?: Database["private"]["Enums"]["level"] | null
          moods?: Database["public"]["Enums"]["mood"][] | null
          nick?: string | null
          score?: number | null
          settings?: Json | null
          tags?: string[]
        }
        Relationships: []
      }
    }
    Views: {
      comment_bodies: {
        Row: {
          body: string | null
          id: number | null
          note_id: number | null
        }
        Insert: {
          body?: string | null
          id?: number | null
          note_id?: number | null
        }
        Update: {
          body?: string | null
          id?: number | null
          note_id?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "comments_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: false
            referencedRelation: "note_titles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: false
            referencedRelation: "notes"
            referencedColumns: ["id"]
          },
        ]
      }
      comment_counts: {
        Row: {
          note_id: number | null
          total: number | null
        }
        Relationships: [
          {
            foreignKeyName: "comments_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: false
            referencedRelation: "note_titles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_note_id_fkey"
            columns: ["note_id"]
            isOneToOne: false
            referencedRelation: "notes"
            referencedColumns: ["id"]
          },
        ]
      }
      note_titles: {
        Row: {
          id: number | null
          title: string | null
        }
        Insert: {
          id?: number | null
          title?: string | null
        }
        Update: {
          id?: number | null
          title?: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      describe:
        | {
            Args: {
              n: number
            }
            Returns: { error: true } & "PostgREST cannot choose between public.describe(n integer) and public.describe(n text): they take the same argument names; rename a parameter or one of the functions"
          }
        | {
            Args: {
              n: string
            }
            Returns: { error: true } & "PostgREST cannot choose between public.describe(n integer) and public.describe(n text): they take the same argument names; rename a parameter or one of the functions"
          }
      ingest: {
        Args: {
          payload: Json
        }
        Returns: undefined
      }
      latest_note: {
        Args: {
          p_owner: string
        }
        Returns: {
          body: string | null
          created_at: string
          id: number
          mood: Database["public"]["Enums"]["mood"] | null
          owner: string
          title: string
          title_length: number | null
        }
        SetofOptions: {
          from: "*"
          to: "notes"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      note_comments: {
        Args: {
          "": Database["public"]["Tables"]["notes"]["Row"]
        }
        Returns: {
          body: string
          id: number
          note_id: number
          posted_at: string
        }[]
        SetofOptions: {
          from: "notes"
          to: "comments"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      note_count: {
        Args: {
          p_owner: string
        }
        Returns: number
      }
      note_stats: {
        Args: {
          p_owner?: string
        }
        Returns: Record<string, unknown>
      }
      recent_titles: {
        Args: {
          lim?: number
          p_owner: string
        }
        Returns: {
          note_id: number
          note_title: string
        }[]
      }
      search_notes: {
        Args: {
          lim?: number
          q: string
        }
        Returns: {
          body: string | null
          created_at: string
          id: number
          mood: Database["public"]["Enums"]["mood"] | null
          owner: string
          title: string
          title_length: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "notes"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      shout: {
        Args: {
          "": string
        }
        Returns: string
      }
      title_upper: {
        Args: {
          "": Database["public"]["Tables"]["notes"]["Row"]
        }
        Returns: { error: true } & "the function public.title_upper takes a row of notes: select it as a column of that table instead of calling it"
      }
    }
    Enums: {
      mood: "happy" | "sad"
    }
    CompositeTypes: {
      address: {
        street: string | null
        zip: number | null
      }
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type SchemaOption = { schema: keyof DatabaseWithoutInternals }

type DefaultSchema = DatabaseWithoutInternals["public"]

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

export type TablesInsert<
  NameOrSchema extends keyof DefaultSchema["Tables"] | SchemaOption,
  Name extends NameOrSchema extends SchemaOption
    ? keyof DatabaseWithoutInternals[NameOrSchema["schema"]]["Tables"]
    : never = never,
> = NameOrSchema extends SchemaOption
  ? InsertOf<DatabaseWithoutInternals[NameOrSchema["schema"]]["Tables"][Name]>
  : NameOrSchema extends keyof DefaultSchema["Tables"]
    ? InsertOf<DefaultSchema["Tables"][NameOrSchema]>
    : never

export type TablesUpdate<
  NameOrSchema extends keyof DefaultSchema["Tables"] | SchemaOption,
  Name extends NameOrSchema extends SchemaOption
    ? keyof DatabaseWithoutInternals[NameOrSchema["schema"]]["Tables"]
    : never = never,
> = NameOrSchema extends SchemaOption
  ? UpdateOf<DatabaseWithoutInternals[NameOrSchema["schema"]]["Tables"][Name]>
  : NameOrSchema extends keyof DefaultSchema["Tables"]
    ? UpdateOf<DefaultSchema["Tables"][NameOrSchema]>
    : never

export type Enums<
  NameOrSchema extends keyof DefaultSchema["Enums"] | SchemaOption,
  Name extends NameOrSchema extends SchemaOption
    ? keyof DatabaseWithoutInternals[NameOrSchema["schema"]]["Enums"]
    : never = never,
> = NameOrSchema extends SchemaOption
  ? DatabaseWithoutInternals[NameOrSchema["schema"]]["Enums"][Name]
  : NameOrSchema extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][NameOrSchema]
    : never

export type CompositeTypes<
  NameOrSchema extends keyof DefaultSchema["CompositeTypes"] | SchemaOption,
  Name extends NameOrSchema extends SchemaOption
    ? keyof DatabaseWithoutInternals[NameOrSchema["schema"]]["CompositeTypes"]
    : never = never,
> = NameOrSchema extends SchemaOption
  ? DatabaseWithoutInternals[NameOrSchema["schema"]]["CompositeTypes"][Name]
  : NameOrSchema extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][NameOrSchema]
    : never

export const Constants = {
  graphql_public: {
    Enums: {},
  },
  private: {
    Enums: {
      level: ["low", "high"],
    },
  },
  public: {
    Enums: {
      mood: ["happy", "sad"],
    },
  },
} as const
