-- expect: prefer-robust-stmts@2, prefer-robust-stmts@3, prefer-robust-stmts@4
create table public.notes (id bigint primary key);
alter table public.orders add column paid boolean;
drop index public.orders_status_idx;
