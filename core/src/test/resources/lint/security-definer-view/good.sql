-- expect: none
create or replace view public.order_totals with (security_invoker = true) as select id, total from public.orders;
