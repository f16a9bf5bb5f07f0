-- expect: none
create unique index concurrently customers_email_idx on public.customers (email);
