-- expect: none
-- a WITH query that inserts deletes nothing
with fresh as (select id, email from public.customers)
insert into public.orders (customer_id, status) select id, 'new' from fresh;
