-- pgpilot's local stand-in for pg_cron: the cron schema, its tables and functions, with the schedule
-- syntax checked as pg_cron checks it; no scheduler runs, so no job ever runs.
create schema cron;
create table cron.job (
  jobid bigserial primary key,
  schedule text not null,
  command text not null,
  nodename text not null default 'localhost',
  nodeport integer not null default inet_server_port(),
  database text not null default current_database(),
  username text not null default current_user,
  active boolean not null default true,
  jobname text,
  constraint jobname_username_uniq unique (jobname, username)
);
create table cron.job_run_details (
  jobid bigint,
  runid bigserial primary key,
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);
alter table cron.job enable row level security;
alter table cron.job_run_details enable row level security;
create policy cron_job_policy on cron.job using (username = current_user);
create policy cron_job_run_details_policy on cron.job_run_details using (username = current_user);

create function cron.check_schedule(schedule text) returns text language plpgsql immutable as $$
begin
  if schedule !~* '^\s*(@(yearly|annually|monthly|weekly|daily|midnight|hourly|reboot)|[1-5]?[0-9]\s+seconds?|(\S+\s+){4}\S+)\s*$' then
    raise exception 'invalid schedule: %', schedule using errcode = 'invalid_parameter_value';
  end if;
  return schedule;
end $$;

create function cron.schedule(job_name text, schedule text, command text) returns bigint
language plpgsql security definer set search_path = '' as $$
declare id bigint;
begin
  insert into cron.job (jobname, schedule, command, username)
  values (job_name, cron.check_schedule(schedule), command, session_user)
  on conflict (jobname, username) do update set schedule = excluded.schedule, command = excluded.command
  returning jobid into id;
  return id;
end $$;
create function cron.schedule(schedule text, command text) returns bigint
language sql security definer set search_path = '' as $$
  insert into cron.job (schedule, command, username) values (cron.check_schedule(schedule), command, session_user) returning jobid
$$;
create function cron.schedule_in_database(job_name text, schedule text, command text, database text,
                                          username text default null, active boolean default true) returns bigint
language plpgsql security definer set search_path = '' as $$
declare id bigint;
begin
  insert into cron.job (jobname, schedule, command, database, username, active)
  values (job_name, cron.check_schedule(schedule), command, database, coalesce(username, session_user), active)
  on conflict (jobname, username) do update set schedule = excluded.schedule, command = excluded.command,
    database = excluded.database, active = excluded.active
  returning jobid into id;
  return id;
end $$;
create function cron.unschedule(job_id bigint) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  delete from cron.job where jobid = job_id and username = session_user;
  if not found then
    raise exception 'could not find valid entry for job %', job_id;
  end if;
  return true;
end $$;
create function cron.unschedule(job_name text) returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  delete from cron.job where jobname = job_name and username = session_user;
  if not found then
    raise exception 'could not find valid entry for job ''%''', job_name;
  end if;
  return true;
end $$;
create function cron.alter_job(job_id bigint, schedule text default null, command text default null,
                               database text default null, username text default null, active boolean default null) returns void
language plpgsql security definer set search_path = '' as $$
begin
  update cron.job j set schedule = coalesce(cron.check_schedule(alter_job.schedule), j.schedule),
    command = coalesce(alter_job.command, j.command), database = coalesce(alter_job.database, j.database),
    username = coalesce(alter_job.username, j.username), active = coalesce(alter_job.active, j.active)
  where j.jobid = job_id and j.username = session_user;
  if not found then
    raise exception 'could not find valid entry for job %', job_id;
  end if;
end $$;

-- As Supabase leaves them: postgres reads the job tables and schedules, but does not write them directly.
grant usage on schema cron to postgres with grant option;
grant select on all tables in schema cron to postgres with grant option;
grant delete on cron.job_run_details to postgres with grant option;
grant execute on all functions in schema cron to postgres with grant option;
