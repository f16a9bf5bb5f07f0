-- expect: none
create or replace view private.user_emails as select id, email from auth.users;
