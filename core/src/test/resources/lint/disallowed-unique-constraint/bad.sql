-- expect: disallowed-unique-constraint@2
alter table public.customers add constraint customers_email_key unique (email);
