-- expect: none
/* a /* nested */ comment */
comment on table public.tags is E'owner\'s tags';
-- a comment with a ' quote
