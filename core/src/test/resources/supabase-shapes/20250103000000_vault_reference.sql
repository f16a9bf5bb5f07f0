-- A table keeping its credentials in Vault by reference.
create table public.integrations (
  id bigint generated always as identity primary key,
  name text not null,
  credentials uuid references vault.secrets (id) on delete set null
);
alter table public.integrations enable row level security;
