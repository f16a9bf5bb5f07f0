-- expect: none
-- as pg_dump and supabase db diff write it
CREATE OR REPLACE FUNCTION "public"."is_admin"() RETURNS boolean
    LANGUAGE "sql" SECURITY DEFINER
    SET "search_path" TO ''
    AS $$ select true $$;
revoke execute on function public.is_admin() from public, anon;
