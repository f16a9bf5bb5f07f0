-- expect: unguarded-create-type@4
-- a DO block without a condition or handler guards nothing
do $$ begin
  create type public.mood as enum ('ok', 'sad');
end $$;
