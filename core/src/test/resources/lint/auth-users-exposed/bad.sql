-- expect: auth-users-exposed@2
create or replace view public.user_emails with (security_invoker = true) as select id, email from auth.users;
