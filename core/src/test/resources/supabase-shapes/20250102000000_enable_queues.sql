-- What the dashboard's "Enable Queues" writes, then a queue fed by a trigger.
create schema if not exists "pgmq";
create extension if not exists "pgmq" with schema "pgmq" version '1.4.4';
grant select on table "pgmq"."meta" to "pg_monitor";
grant delete, insert, select, update on table "pgmq"."meta" to "service_role";

select pgmq.create('emails');
grant select, insert, update, delete on table pgmq.q_emails, pgmq.a_emails to service_role;

create table public.signups (id bigint generated always as identity primary key, email text not null);
alter table public.signups enable row level security;
create function public.queue_welcome_email() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform pgmq.send('emails', jsonb_build_object('to', new.email));
  return new;
end $$;
create trigger signups_welcome after insert on public.signups for each row execute function public.queue_welcome_email();
