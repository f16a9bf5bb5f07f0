-- expect: ban-delete-without-where@2
with stale as (select id from public.customers where email is null)
delete from public.orders;
