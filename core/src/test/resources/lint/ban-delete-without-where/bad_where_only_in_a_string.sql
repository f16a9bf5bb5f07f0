-- expect: ban-delete-without-where@2
delete from public.orders returning 'removed where status was unknown';
