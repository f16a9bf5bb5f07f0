-- expect: function-search-path-mutable@3
-- as pg_dump writes a definer function that forgot its search_path
CREATE OR REPLACE FUNCTION "public"."get_tenant_id"("user_uuid" "uuid" DEFAULT "auth"."uid"()) RETURNS "uuid"
    LANGUAGE "plpgsql" STABLE SECURITY DEFINER
    AS $$
begin
  return (select tenant_id from public.profiles where id = user_uuid);
end;
$$;
