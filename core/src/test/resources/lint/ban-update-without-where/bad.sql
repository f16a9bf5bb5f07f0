-- expect: ban-update-without-where@2
update public.orders set status = 'paid';
