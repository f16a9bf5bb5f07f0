-- pgpilot's local stand-in for pg_net: the net schema with its queue and response tables and the
-- request functions, with their signatures and defaults; requests stay queued, none is sent.
create schema net;
create table net.http_request_queue (
  id bigserial not null,
  method text not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds integer not null
);
create unlogged table net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create function net.http_get(url text, params jsonb default '{}', headers jsonb default '{}',
                             timeout_milliseconds integer default 5000) returns bigint
language sql security definer set search_path = '' as $$
  insert into net.http_request_queue (method, url, headers, timeout_milliseconds)
  values ('GET', url, headers, timeout_milliseconds) returning id
$$;
create function net.http_post(url text, body jsonb default '{}', params jsonb default '{}',
                              headers jsonb default '{"Content-Type": "application/json"}',
                              timeout_milliseconds integer default 5000) returns bigint
language sql security definer set search_path = '' as $$
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('POST', url, headers, convert_to(body::text, 'UTF8'), timeout_milliseconds) returning id
$$;
create function net.http_delete(url text, params jsonb default '{}', headers jsonb default '{}',
                                timeout_milliseconds integer default 5000, body jsonb default null) returns bigint
language sql security definer set search_path = '' as $$
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('DELETE', url, headers, convert_to(body::text, 'UTF8'), timeout_milliseconds) returning id
$$;
-- Supabase grants these to every API role (its issue_pg_net_access event trigger).
grant usage on schema net to postgres, anon, authenticated, service_role;
revoke all on function net.http_get(text, jsonb, jsonb, integer), net.http_post(text, jsonb, jsonb, jsonb, integer),
  net.http_delete(text, jsonb, jsonb, integer, jsonb) from public;
grant execute on function net.http_get(text, jsonb, jsonb, integer), net.http_post(text, jsonb, jsonb, jsonb, integer),
  net.http_delete(text, jsonb, jsonb, integer, jsonb) to postgres, anon, authenticated, service_role;
grant select on all tables in schema net to postgres;
