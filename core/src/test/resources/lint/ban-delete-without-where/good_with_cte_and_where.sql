-- expect: none
with stale as (select id from public.customers where email is null)
delete from public.orders where customer_id in (select id from stale);
