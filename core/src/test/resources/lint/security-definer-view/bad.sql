-- expect: security-definer-view@2
create or replace view public.order_totals as select id, total from public.orders;
