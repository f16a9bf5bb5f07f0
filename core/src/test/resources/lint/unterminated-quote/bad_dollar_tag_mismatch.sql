-- expect: unterminated-quote@2
create or replace function public.touch() returns trigger language plpgsql as $body$
begin
  new.updated_at := now();
  return new;
end;
$$;
