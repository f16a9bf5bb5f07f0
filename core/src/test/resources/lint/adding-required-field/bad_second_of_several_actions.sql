-- expect: adding-required-field@2
alter table public.customers
  add column active boolean not null default true,
  add column country_code text not null;
