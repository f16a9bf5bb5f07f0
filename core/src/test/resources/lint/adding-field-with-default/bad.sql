-- expect: adding-field-with-default@2, adding-field-with-default@3
alter table public.orders add column token uuid default gen_random_uuid();
alter table public.orders add column seq bigserial;
