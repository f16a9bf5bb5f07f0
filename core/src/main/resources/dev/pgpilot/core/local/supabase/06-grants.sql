-- Supabase's grants on its own schemas and its default privileges in public.
grant all on all tables in schema auth to postgres, dashboard_user;
grant all on all sequences in schema auth to postgres, dashboard_user;
grant all on all routines in schema auth to postgres, dashboard_user;
grant select on all tables in schema auth to postgres with grant option;
grant execute on all functions in schema auth to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;
grant all on storage.buckets, storage.objects, storage.migrations to anon, authenticated, service_role;
grant all on storage.migrations, storage.s3_multipart_uploads, storage.s3_multipart_uploads_parts to postgres, service_role;
grant select on storage.s3_multipart_uploads, storage.s3_multipart_uploads_parts to anon, authenticated;
grant all on all sequences in schema storage to postgres, dashboard_user;
grant all on all routines in schema storage to postgres, anon, authenticated, service_role, dashboard_user;
grant all on all tables in schema extensions to postgres;
grant all on all routines in schema extensions to postgres;
-- What postgres (migrations) and supabase_admin create in public is usable by the API roles.
alter default privileges for role postgres in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;
