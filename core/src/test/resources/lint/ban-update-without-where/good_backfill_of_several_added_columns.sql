-- expect: none
alter table public.orders add column paid boolean, add column "Paid At" timestamptz;
update public.orders o set paid = (o.status = 'paid'), "Paid At" = now() from public.customers c;
alter table only public.customers add column domain text;
update only public.customers set (domain) = (split_part(email, '@', 2));
