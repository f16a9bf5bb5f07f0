-- The extensions every Supabase project starts with, and PostgREST's GraphQL entry point.
create extension if not exists pg_stat_statements with schema extensions;
create extension if not exists pg_graphql;
create extension if not exists supabase_vault;
create or replace function graphql_public.graphql("operationName" text default null, query text default null,
                                                  variables jsonb default null, extensions jsonb default null)
returns jsonb language sql as $$
  select graphql.resolve(query => query, variables => coalesce(variables, '{}'), "operationName" => "operationName",
                         extensions => extensions)
$$;
grant execute on function graphql_public.graphql(text, text, jsonb, jsonb) to postgres, anon, authenticated, service_role;
