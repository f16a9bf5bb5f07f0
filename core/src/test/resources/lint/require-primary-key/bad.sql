-- expect: require-primary-key@2
create table public.events (name text);
