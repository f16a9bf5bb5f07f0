-- expect: none
-- a double quote in a comment of a function body opens no identifier
create or replace function public.can_post(p_channel uuid) returns boolean language plpgsql stable set search_path = '' as $$
begin
  -- the old check broke the common "deny everyone in announcements, allow the moderators
  -- of the channel" setup, so the channel's own rule wins now
  return true;
end $$;
