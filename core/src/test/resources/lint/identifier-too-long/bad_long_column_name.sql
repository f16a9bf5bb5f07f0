-- expect: identifier-too-long@2
alter table public.orders add column the_date_on_which_the_customer_last_confirmed_the_delivery_address timestamptz;
