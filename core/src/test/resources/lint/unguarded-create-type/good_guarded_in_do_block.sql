-- expect: none
do $$
begin
  if to_regtype('public.mood') is null then
    create type public.mood as enum ('ok', 'sad');
  end if;
end
$$;
