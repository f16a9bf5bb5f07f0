-- expect: require-lock-timeout@2
create table public.invoices (
  id bigint generated always as identity primary key,
  customer_id bigint not null references public.customers (id) on delete cascade,
  total numeric not null
);
