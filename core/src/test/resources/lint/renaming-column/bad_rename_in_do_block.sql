-- expect: renaming-column@5
do $$
begin
  if exists (select 1 from pg_attribute where attrelid = 'public.orders'::regclass and attname = 'note' and not attisdropped) then
    alter table public.orders rename column note to remark;
  end if;
end
$$;
