-- The publication Supabase Realtime listens to. postgres owns it, as on Supabase, so migrations
-- can `alter publication supabase_realtime add table ...` (that also needs owning the table).
do $$ begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end $$;
alter publication supabase_realtime owner to postgres;
