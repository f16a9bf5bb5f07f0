-- expect: none
-- runs with the caller's rights: the caller's search_path cannot lend it anything
create or replace function public.touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now(); -- not security definer
  return new;
end $$;
