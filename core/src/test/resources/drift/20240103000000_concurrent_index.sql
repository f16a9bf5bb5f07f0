create index concurrently if not exists notes_created_idx on public.notes (created_at);
