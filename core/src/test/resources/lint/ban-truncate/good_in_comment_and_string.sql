-- expect: none
-- truncate public.orders; (done by hand on staging)
comment on table public.orders is 'truncate nightly by the cleanup job';
