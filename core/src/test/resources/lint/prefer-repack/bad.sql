-- expect: prefer-repack@2, prefer-repack@3, prefer-repack@4
vacuum full public.orders;
cluster public.orders using orders_pkey;
reindex table public.orders;
