-- expect: none
update public.orders set status = 'paid' where status = 'pending';
