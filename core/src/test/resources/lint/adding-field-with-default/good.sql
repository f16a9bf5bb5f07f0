-- expect: none
alter table public.orders add column placed_at timestamptz default now();
alter table public.orders add column paid boolean not null default false;
