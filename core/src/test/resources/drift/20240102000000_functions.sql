create or replace function public.touch() returns trigger language plpgsql as $$
begin
  new.created_at := now();
  return new;
end $$;
create trigger notes_touch before update on public.notes for each row execute function public.touch();

create or replace function public.note_count(p_owner uuid) returns bigint
  language sql stable security invoker set search_path = public
  as $$ select count(*) from public.notes where owner = p_owner $$;

create view public.note_titles with (security_invoker = true) as select id, title from public.notes;
