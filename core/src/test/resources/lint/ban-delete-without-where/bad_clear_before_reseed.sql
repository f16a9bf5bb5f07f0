-- expect: ban-delete-without-where@3
-- "clear and re-seed" still removes every row other tables (or people) may have added or point at
delete from public.customers;
insert into public.customers (id, email) values (1, 'a@example.com'), (2, 'b@example.com');
