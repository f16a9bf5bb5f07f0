-- expect: none
alter table public.orders add constraint orders_status_not_null check (status is not null) not valid;
