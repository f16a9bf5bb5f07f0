-- expect: none
start transaction;
alter table public.orders add column paid boolean;
end;
