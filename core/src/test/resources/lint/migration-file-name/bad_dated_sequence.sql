-- expect: migration-file-name@1
-- file: 20240101_001_add_orders.sql
create schema if not exists app;
