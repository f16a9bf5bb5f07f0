-- expect: unterminated-quote@3
create table if not exists public.tags (id bigint primary key);
/* tags are
   imported later
