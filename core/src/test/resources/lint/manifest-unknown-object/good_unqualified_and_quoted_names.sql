-- expect: none
create table if not exists orders (id bigint primary key);
alter table "public"."orders" add column if not exists "status" text;
alter table "public".customers enable row level security;
