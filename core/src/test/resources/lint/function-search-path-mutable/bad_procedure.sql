-- expect: function-search-path-mutable@2
create procedure public.archive_orders() language plpgsql security definer as $$
begin
  delete from orders where status = 'done';
end $$;
