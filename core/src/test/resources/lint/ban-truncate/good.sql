-- expect: none
delete from public.orders where status = 'cancelled';
