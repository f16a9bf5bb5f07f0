-- Keeps updated_at current on every update; search_path is empty so the function cannot be hijacked.
create or replace function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at = now();
  return new;
end;
$$;
