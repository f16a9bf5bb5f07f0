-- expect: ban-truncate@2
truncate public.orders;
