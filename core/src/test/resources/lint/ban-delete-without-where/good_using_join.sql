-- expect: none
delete from public.orders o
using public.customers c
where o.customer_id = c.id and c.email is null;
