-- expect: enum-value-used-in-same-transaction@3
alter type public.mood add value if not exists 'glad';
create table public.mood_log (id bigint primary key, mood public.mood not null default 'glad');
