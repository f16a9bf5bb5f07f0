-- expect: none
-- file: 20240101120000_add_orders.sql
create schema if not exists app;
