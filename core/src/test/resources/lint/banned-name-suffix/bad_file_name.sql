-- expect: banned-name-suffix@1
-- file: 20240101120000_orders_new.sql
create schema if not exists app;
