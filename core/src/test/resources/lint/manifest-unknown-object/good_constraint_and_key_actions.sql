-- expect: none
alter table public.orders
  add constraint orders_total_check check (total >= 0),
  add primary key (id);
