-- pgpilot's local stand-in for pgsodium (deprecated on Supabase, still enabled by many projects'
-- baseline dumps): the key catalog only. create_key() records a key row without key material;
-- nothing here encrypts, so Transparent Column Encryption and the crypto_* functions are absent.
create type pgsodium.key_status as enum ('default', 'valid', 'invalid', 'expired');
create type pgsodium.key_type as enum ('aead-ietf', 'aead-det', 'hmacsha512', 'hmacsha256', 'auth', 'shorthash',
                                       'generichash', 'kdf', 'secretbox', 'secretstream', 'stream_xchacha20');
create table pgsodium.key (
  id uuid primary key default gen_random_uuid(),
  status pgsodium.key_status default 'valid',
  created timestamptz not null default current_timestamp,
  expires timestamptz,
  key_type pgsodium.key_type,
  key_id bigserial,
  key_context bytea default 'pgsodium',
  name text unique,
  associated_data text default 'associated',
  raw_key bytea,
  raw_key_nonce bytea,
  parent_key uuid references pgsodium.key (id),
  comment text,
  user_data text
);
create view pgsodium.valid_key as
  select id, name, status, key_type, key_id, key_context, created, expires, associated_data
  from pgsodium.key
  where status in ('valid', 'default') and (expires is null or expires > now());
create function pgsodium.create_key(key_type pgsodium.key_type default 'aead-det', name text default null, raw_key bytea default null,
                                    raw_key_nonce bytea default null, parent_key uuid default null,
                                    key_context bytea default 'pgsodium', expires timestamptz default null,
                                    associated_data text default '') returns pgsodium.valid_key
language sql security definer set search_path = '' as $$
  with k as (
    insert into pgsodium.key (key_type, name, raw_key, raw_key_nonce, parent_key, key_context, expires, associated_data)
    values (create_key.key_type, create_key.name, create_key.raw_key, create_key.raw_key_nonce, create_key.parent_key,
            create_key.key_context, create_key.expires, create_key.associated_data)
    returning *)
  select id, name, status, key_type, key_id, key_context, created, expires, associated_data from k
$$;
revoke all on pgsodium.key from public;
grant usage on schema pgsodium to postgres, service_role;
grant select on pgsodium.key, pgsodium.valid_key to postgres, service_role;
grant execute on function pgsodium.create_key(pgsodium.key_type, text, bytea, bytea, uuid, bytea, timestamptz, text) to postgres, service_role;
