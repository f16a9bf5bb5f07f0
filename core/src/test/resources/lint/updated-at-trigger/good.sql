-- expect: none
create table public.events (id bigint primary key, updated_at timestamptz not null default now());
create trigger events_updated_at before update on public.events for each row execute function extensions.moddatetime(updated_at);
