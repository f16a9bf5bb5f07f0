-- expect: manifest-unknown-object@2, manifest-unknown-object@3, manifest-unknown-object@4, manifest-unknown-object@5
create table if not exists public.ordrs (id bigint primary key);
create type public.order_state as enum ('a');
alter table public.invoices add column if not exists note text;
alter table public.orders add column if not exists discount numeric;
