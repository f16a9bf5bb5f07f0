// What a supabase-js user writes against `gen types typescript` output; compiled with tsc --strict.
// Each @ts-expect-error is a mistake the types must catch (tsc fails when one is not an error).
import { createClient } from "@supabase/supabase-js"
import { Constants } from "./database"
import type { CompositeTypes, Database, Enums, Json, Tables, TablesInsert, TablesUpdate } from "./database"

const supabase = createClient<Database>("http://127.0.0.1:54321", "anon-key")

export async function tables() {
  const { data: notes } = await supabase.from("notes").select("id, title, body, comments(id, body)")
  if (notes) {
    const title: string = notes[0].title
    const body: string | null = notes[0].body
    const commentIds: number[] = notes[0].comments.map((c) => c.id)
    void [title, body, commentIds]
  }
  await supabase.from("notes").insert({ owner: "u", title: "t" })
  // @ts-expect-error title is required on insert
  await supabase.from("notes").insert({ owner: "u" })
  // @ts-expect-error identity always columns cannot be written
  await supabase.from("notes").insert({ id: 3, owner: "u", title: "t" })
  await supabase.from("comments").insert({ id: 7, note_id: 1, body: "by default identity may be given" })
  const { data: profile } = await supabase.from("profiles").select("email, nick, balance, blob_id, level").single()
  if (profile) {
    const email: string = profile.email // a NOT NULL domain is never null
    const nick: string | null = profile.nick
    const balance: string | null = profile.balance // PostgREST sends money as text
    const blob: string | null = profile.blob_id
    const level: "low" | "high" | null = profile.level
    void [email, nick, balance, blob, level]
  }
  // PostgREST 13 methods, offered because the types name the PostgREST version
  await supabase.from("notes").delete().eq("id", 1).maxAffected(1)
}

export async function views() {
  await supabase.from("comment_bodies").update({ body: "edited" }).eq("id", 1)
  await supabase.from("comment_bodies").insert({ note_id: 1, body: "through the view" })
  // @ts-expect-error an aggregate view cannot be written
  await supabase.from("comment_counts").update({ total: 3 })
  const { data } = await supabase.from("comment_bodies").select("id, notes(title)")
  if (data) {
    const title: string | undefined = data[0].notes?.title
    void title
  }
  const { data: counts } = await supabase.from("comment_counts").select("note_id, total")
  void counts
}

export async function functions() {
  const { data: found } = await supabase.rpc("search_notes", { q: "%x%" })
  if (found) {
    const t: string = found[0].title
    void t
  }
  const { data: latest } = await supabase.rpc("latest_note", { p_owner: "u" })
  if (latest) {
    const t: string = latest.title
    void t
  }
  const { data: recent } = await supabase.rpc("recent_titles", { p_owner: "u" })
  if (recent) {
    const id: number = recent[0].note_id
    void id
  }
  await supabase.rpc("ingest", { payload: { any: ["json", 1, null] } })
  const { data: loud } = await supabase.rpc("shout", { "": "hi" })
  const l: string | null = loud
  void l
  // @ts-expect-error two unnamed arguments cannot be passed by PostgREST, so the function is not offered
  await supabase.rpc("add_numbers", { "": 1 })
  // describe(n int) and describe(n text) take the same argument names: PostgREST cannot choose one (PGRST203)
  const { data: described } = await supabase.rpc("describe", { n: 1 })
  const failed: true | undefined = described?.error // the result type says the call fails
  void failed
  await supabase.rpc("describe", { n: "one" })
  const { data: withComputed } = await supabase.from("notes").select("id, title_upper")
  if (withComputed) {
    const upper: string | null = withComputed[0].title_upper
    void upper
  }
  // @ts-expect-error a required argument is missing
  await supabase.rpc("search_notes", { lim: 3 })
  await supabase.schema("private").rpc("rotate")
}

export function helpers() {
  // computed fields (title_upper, note_comments) are part of the row type, as in the CLI's output
  const row: Tables<"notes"> = {
    id: 1, owner: "u", title: "t", body: null, mood: "happy", title_length: 1, created_at: "now", title_upper: "T", note_comments: null,
  }
  const insert: TablesInsert<"notes"> = { owner: "u", title: "t" }
  const update: TablesUpdate<"notes"> = { title: "t2" }
  const secret: Tables<{ schema: "private" }, "secrets"> = { id: 1, note_id: null, level: "high" }
  const secretInsert: TablesInsert<{ schema: "private" }, "secrets"> = { id: 2, level: "low" }
  const mood: Enums<"mood"> = Constants.public.Enums.mood[1]
  const level: Enums<{ schema: "private" }, "level"> = "low"
  // @ts-expect-error not a label of the enum
  const badMood: Enums<"mood"> = "angry"
  const home: CompositeTypes<"address"> = { street: "s", zip: null }
  const labels: readonly ("low" | "high")[] = Constants.private.Enums.level
  const settings: Json = { a: [1, "x", null] }
  const view: Tables<"comment_counts"> = { note_id: 1, total: 2 }
  return [row, insert, update, secret, secretInsert, mood, level, badMood, home, labels, settings, view]
}
