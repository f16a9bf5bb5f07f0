-- expect: none
do $$
begin
  if to_regclass('public.events') is null then
    create table public.events (id bigint primary key, name text);
  end if;
end
$$;
