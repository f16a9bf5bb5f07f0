-- expect: identifier-too-long@2
create index orders_customer_id_status_total_created_at_updated_at_deleted_at_idx on public.orders (customer_id);
