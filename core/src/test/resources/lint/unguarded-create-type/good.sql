-- expect: none
do $$ begin create type public.color as enum ('red', 'blue'); exception when duplicate_object then null; end $$;
