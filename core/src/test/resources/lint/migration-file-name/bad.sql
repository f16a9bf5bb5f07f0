-- expect: migration-file-name@1
-- file: 2024-01-01_AddOrders.sql
create schema if not exists app;
