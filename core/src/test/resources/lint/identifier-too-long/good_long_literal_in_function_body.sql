-- expect: none
-- a long string inside a function body, after a comment with an apostrophe in it
create or replace function public.notify_signup() returns trigger language plpgsql security definer set search_path = '' as $$
begin
  -- don't block the sign-up when the webhook is down
  perform net.http_post(
    url := 'https://example.supabase.co/functions/v1/signup',
    headers := jsonb_build_object('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImV4YW1wbGVwcm9qZWN0cmVmIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMH0.ZmFrZS1zaWduYXR1cmUtZm9yLWEtdGVzdA')
  );
  return new;
end $$;
