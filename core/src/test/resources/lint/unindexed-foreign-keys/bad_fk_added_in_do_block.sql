-- expect: unindexed-foreign-keys@6
create table if not exists public.lines (id bigint primary key, order_id bigint not null);
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'lines_order_id_fkey') then
    alter table public.lines add constraint lines_order_id_fkey foreign key (order_id) references public.orders (id) on delete cascade;
  end if;
end $$;
