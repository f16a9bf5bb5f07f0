-- expect: none
-- Each of these puts its objects into a schema of its own, whatever CREATE EXTENSION says.
create extension if not exists pg_graphql;
create extension if not exists supabase_vault;
create extension if not exists pg_net;
create extension if not exists pg_cron;
create extension if not exists pgmq;
create extension if not exists "pgsodium";
