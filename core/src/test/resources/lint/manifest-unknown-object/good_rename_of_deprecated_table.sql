-- expect: none
-- a rename is the way out of a deprecated name: the table it names need not be listed
alter table public.old_orders rename to orders;
