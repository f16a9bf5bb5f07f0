-- expect: none
-- COMMIT inside a procedure body or a DO block is not the file's own transaction control
create procedure public.archive_in_batches() language plpgsql as $$
begin
  update public.orders set status = 'archived' where status = 'done';
  commit;
end $$;
do $$ begin
  perform 1;
end $$;
