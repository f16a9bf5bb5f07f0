-- expect: unguarded-create-type@2
create type public.color as enum ('red', 'blue');
