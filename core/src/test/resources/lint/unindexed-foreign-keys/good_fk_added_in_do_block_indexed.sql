-- expect: none
create table if not exists public.lines (id bigint primary key, order_id bigint not null);
create index if not exists lines_order_id_idx on public.lines (order_id);
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'lines_order_id_fkey') then
    alter table public.lines add constraint lines_order_id_fkey foreign key (order_id) references public.orders (id) on delete cascade;
  end if;
end $$;
