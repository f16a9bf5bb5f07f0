-- expect: manifest-unknown-object@2
alter table public.orders add column if not exists total numeric, add column totl numeric;
