-- expect: none
-- a generated column computes its value for every existing row
alter table public.orders add column total_cents bigint not null generated always as ((total * 100)::bigint) stored;
