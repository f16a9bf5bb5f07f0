-- expect: none
-- the shape pgpilot's planner writes for a rights check: quoted lower-case names in the function and the revoke
create or replace function "public"."has_profiles_role_admin"() returns boolean
  language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from "public"."profiles" where "id" = (select auth.uid()) and role = 'admin')
$$;
revoke execute on function "public"."has_profiles_role_admin"() from public, anon;
grant execute on function "public"."has_profiles_role_admin"() to authenticated;
