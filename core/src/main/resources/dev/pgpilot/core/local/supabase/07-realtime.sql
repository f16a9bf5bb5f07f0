-- Supabase Realtime's objects that migrations use: realtime.messages (broadcast and presence
-- authorization policies go on it), realtime.send() and realtime.topic(). Locally nothing
-- listens: send() stores the message, no client receives it.
create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now(),
  id uuid not null default gen_random_uuid(),
  constraint messages_pkey primary key (id, inserted_at)
);
alter table realtime.messages enable row level security;
alter table realtime.messages owner to supabase_realtime_admin;

create or replace function realtime.topic() returns text language sql stable as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void language plpgsql as $$
begin
  insert into realtime.messages (payload, event, topic, private, extension)
  values (payload, event, topic, private, 'broadcast');
exception when others then
  -- as on Supabase: a failed send never breaks the caller's transaction
  raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
end $$;
alter function realtime.topic() owner to supabase_realtime_admin;
alter function realtime.send(jsonb, text, text, boolean) owner to supabase_realtime_admin;

grant usage on schema realtime to postgres, anon, authenticated, service_role;
grant select, insert, update on realtime.messages to postgres, anon, authenticated, service_role;
grant all on realtime.messages to supabase_realtime_admin;
grant execute on function realtime.topic(), realtime.send(jsonb, text, text, boolean) to postgres, anon, authenticated, service_role;
-- postgres may put policies and triggers on realtime.messages, as on Supabase.
do $$ begin
  if current_setting('server_version_num')::int >= 160000 then
    execute 'grant supabase_realtime_admin to postgres with inherit true, set false';
  else
    grant supabase_realtime_admin to postgres; -- PG15: see 01-roles.sql
  end if;
end $$;
