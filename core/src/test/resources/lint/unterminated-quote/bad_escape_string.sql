-- expect: unterminated-quote@2
comment on table public.tags is E'owner\'s tags;
