-- expect: none
reindex table concurrently public.orders;
