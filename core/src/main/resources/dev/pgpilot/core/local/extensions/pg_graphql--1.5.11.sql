-- pgpilot's local stand-in for pg_graphql: the function PostgREST's graphql_public.graphql() calls.
create function graphql.resolve(query text, variables jsonb default '{}', "operationName" text default null,
                                extensions jsonb default null) returns jsonb language sql stable as $$
  select jsonb_build_object('errors', jsonb_build_array(jsonb_build_object('message',
    'pg_graphql is a pgpilot local stand-in: the local database answers no GraphQL queries')))
$$;
grant usage on schema graphql to postgres, anon, authenticated, service_role;
grant execute on function graphql.resolve(text, jsonb, text, jsonb) to postgres, anon, authenticated, service_role;
