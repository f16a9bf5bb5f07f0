-- pgpilot's local stand-in for pgmq, written for pgpilot from pgmq's documented functions (not
-- pgmq's own source, which no package registry here ships). Queues are real tables: pgmq.q_<name>
-- holds the messages, pgmq.a_<name> the archived ones, pgmq.meta one row per queue, so migrations
-- that create queues, grant on their tables or put triggers on them apply, and messages are sent,
-- read with a visibility timeout, archived and deleted as with pgmq. Not provided: partitioned
-- queues (they need pg_partman) and the notify-on-insert helpers.
--
-- The schema and pgmq.meta belong to the role that created the extension (postgres), which also
-- owns the queues it creates, so a migration's own grants on them work as on Supabase.
alter schema pgmq owner to @extowner@;

create table pgmq.meta (
  queue_name varchar unique not null,
  is_partitioned boolean not null,
  is_unlogged boolean not null,
  created_at timestamptz not null default now()
);
alter table pgmq.meta owner to @extowner@;
select pg_catalog.pg_extension_config_dump('pgmq.meta', '');

create type pgmq.message_record as (msg_id bigint, read_ct integer, enqueued_at timestamptz, vt timestamptz, message jsonb);
create type pgmq.queue_record as (queue_name varchar, is_partitioned boolean, is_unlogged boolean, created_at timestamptz);
create type pgmq.metrics_result as (queue_name text, queue_length bigint, newest_msg_age_sec integer, oldest_msg_age_sec integer,
                                    total_messages bigint, scrape_time timestamptz);

-- q_<name> / a_<name>, lower-cased; names that could break out of an identifier or run past
-- PostgreSQL's 63 bytes (with the prefix and index suffixes) are refused before anything is created.
create function pgmq.format_table_name(queue_name text, prefix text) returns text language plpgsql immutable as $$
begin
  if queue_name ~ '\$|;|--|''' then
    raise exception 'queue name contains invalid characters: $, ;, --, or ''';
  end if;
  return lower(prefix || '_' || queue_name);
end $$;

create function pgmq.validate_queue_name(queue_name text) returns void language plpgsql immutable as $$
begin
  if length(queue_name) >= 48 then
    raise exception 'queue name is too long, maximum length is 47 characters';
  end if;
end $$;

create function pgmq._queue_exists(queue_name text) returns void language plpgsql stable as $$
begin
  if not exists (select from pgmq.meta m where m.queue_name = lower(_queue_exists.queue_name)) then
    raise exception 'queue "%" does not exist', queue_name using errcode = 'undefined_table';
  end if;
end $$;

-- A queue made after CREATE EXTENSION joins the extension (as pgmq does, so pg_dump leaves it to
-- pgmq) when its creator owns the extension; ALTER EXTENSION needs that ownership.
create function pgmq._add_to_extension(relation text) returns void language plpgsql as $$
begin
  if exists (select from pg_extension e where e.extname = 'pgmq' and pg_has_role(e.extowner, 'usage'))
     and not exists (select from pg_depend d where d.objid = ('pgmq.' || quote_ident(relation))::regclass and d.deptype = 'e') then
    execute format('alter extension pgmq add table pgmq.%I', relation);
  end if;
end $$;

create function pgmq._create(queue_name text, unlogged boolean) returns void language plpgsql as $$
#variable_conflict use_column
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  atable text := pgmq.format_table_name(queue_name, 'a');
begin
  perform pgmq.validate_queue_name(queue_name);
  execute format('create %s table if not exists pgmq.%I (msg_id bigint primary key generated always as identity, '
      || 'read_ct integer not null default 0, enqueued_at timestamptz not null default now(), vt timestamptz not null, message jsonb)',
      case when unlogged then 'unlogged' else '' end, qtable);
  execute format('create table if not exists pgmq.%I (msg_id bigint primary key, read_ct integer not null default 0, '
      || 'enqueued_at timestamptz not null default now(), archived_at timestamptz not null default now(), vt timestamptz not null, message jsonb)',
      atable);
  perform pgmq._add_to_extension(qtable);
  perform pgmq._add_to_extension(atable);
  execute format('create index if not exists %I on pgmq.%I (vt asc)', qtable || '_vt_idx', qtable);
  execute format('create index if not exists %I on pgmq.%I (archived_at)', 'archived_at_idx_' || lower(queue_name), atable);
  insert into pgmq.meta (queue_name, is_partitioned, is_unlogged) values (lower(_create.queue_name), false, _create.unlogged)
  on conflict (queue_name) do nothing;
end $$;

create function pgmq.create_non_partitioned(queue_name text) returns void language sql as $$ select pgmq._create(queue_name, false) $$;
create function pgmq.create_unlogged(queue_name text) returns void language sql as $$ select pgmq._create(queue_name, true) $$;
create function pgmq."create"(queue_name text) returns void language sql as $$ select pgmq._create(queue_name, false) $$;
create function pgmq.create_partitioned(queue_name text, partition_interval text default '10000', retention_interval text default '100000')
returns void language plpgsql as $$
begin
  raise exception 'partitioned queues need pg_partman, which pgpilot''s local pgmq does not provide'
    using errcode = 'feature_not_supported', hint = 'use pgmq.create() locally, or apply to a server that has pgmq and pg_partman';
end $$;

create function pgmq.drop_queue(queue_name text) returns boolean language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  execute format('drop table if exists pgmq.%I', pgmq.format_table_name(queue_name, 'q'));
  execute format('drop table if exists pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
  delete from pgmq.meta m where m.queue_name = lower(drop_queue.queue_name);
  return true;
end $$;

create function pgmq.send_batch(queue_name text, msgs jsonb[], delay integer default 0) returns setof bigint language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  return query execute format('insert into pgmq.%I (vt, message) select clock_timestamp() + make_interval(secs => $1), m '
      || 'from unnest($2) m returning msg_id', pgmq.format_table_name(queue_name, 'q')) using delay, msgs;
end $$;

create function pgmq.send(queue_name text, msg jsonb, delay integer default 0) returns setof bigint language sql as $$
  select pgmq.send_batch(queue_name, array[msg], delay)
$$;

-- Visible messages (vt in the past) in order, locked so that two readers never take the same one,
-- then hidden for vt seconds and counted as read.
create function pgmq.read(queue_name text, vt integer, qty integer) returns setof pgmq.message_record language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  return query execute format('with picked as (select msg_id from pgmq.%1$I where vt <= clock_timestamp() order by msg_id '
      || 'limit $1 for update skip locked) update pgmq.%1$I q set vt = clock_timestamp() + make_interval(secs => $2), '
      || 'read_ct = q.read_ct + 1 from picked where q.msg_id = picked.msg_id '
      || 'returning q.msg_id, q.read_ct, q.enqueued_at, q.vt, q.message', pgmq.format_table_name(queue_name, 'q')) using qty, vt;
end $$;

create function pgmq.read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer default 5,
                                    poll_interval_ms integer default 100) returns setof pgmq.message_record language plpgsql as $$
declare
  stop_at timestamptz := clock_timestamp() + make_interval(secs => max_poll_seconds);
  r pgmq.message_record;
  found_any boolean;
begin
  loop
    found_any := false;
    for r in select * from pgmq.read(queue_name, read_with_poll.vt, qty) loop
      found_any := true;
      return next r;
    end loop;
    exit when found_any or clock_timestamp() >= stop_at;
    perform pg_sleep(poll_interval_ms / 1000.0);
  end loop;
end $$;

create function pgmq.pop(queue_name text) returns setof pgmq.message_record language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  return query execute format('with picked as (select msg_id from pgmq.%1$I where vt <= clock_timestamp() order by msg_id '
      || 'limit 1 for update skip locked) delete from pgmq.%1$I q using picked where q.msg_id = picked.msg_id '
      || 'returning q.msg_id, q.read_ct, q.enqueued_at, q.vt, q.message', pgmq.format_table_name(queue_name, 'q'));
end $$;

create function pgmq.set_vt(queue_name text, msg_id bigint, vt integer) returns setof pgmq.message_record language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  return query execute format('update pgmq.%I set vt = clock_timestamp() + make_interval(secs => $1) where msg_id = $2 '
      || 'returning msg_id, read_ct, enqueued_at, vt, message', pgmq.format_table_name(queue_name, 'q')) using vt, msg_id;
end $$;

create function pgmq.archive(queue_name text, msg_ids bigint[]) returns setof bigint language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  return query execute format('with moved as (delete from pgmq.%I where msg_id = any($1) returning msg_id, read_ct, enqueued_at, vt, message) '
      || 'insert into pgmq.%I (msg_id, read_ct, enqueued_at, vt, message) select msg_id, read_ct, enqueued_at, vt, message from moved '
      || 'returning msg_id', pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a')) using msg_ids;
end $$;

create function pgmq.archive(queue_name text, msg_id bigint) returns boolean language sql as $$
  select exists (select from pgmq.archive(queue_name, array[msg_id]))
$$;

create function pgmq.delete(queue_name text, msg_ids bigint[]) returns setof bigint language plpgsql as $$
begin
  perform pgmq._queue_exists(queue_name);
  return query execute format('delete from pgmq.%I where msg_id = any($1) returning msg_id', pgmq.format_table_name(queue_name, 'q'))
      using msg_ids;
end $$;

create function pgmq.delete(queue_name text, msg_id bigint) returns boolean language sql as $$
  select exists (select from pgmq.delete(queue_name, array[msg_id]))
$$;

create function pgmq.purge_queue(queue_name text) returns bigint language plpgsql as $$
declare n bigint;
begin
  perform pgmq._queue_exists(queue_name);
  execute format('with gone as (delete from pgmq.%I returning 1) select count(*) from gone', pgmq.format_table_name(queue_name, 'q')) into n;
  return n;
end $$;

create function pgmq.detach_archive(queue_name text) returns void language plpgsql as $$
begin
  execute format('alter extension pgmq drop table pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
end $$;

create function pgmq.list_queues() returns setof pgmq.queue_record language sql stable as $$
  select queue_name, is_partitioned, is_unlogged, created_at from pgmq.meta order by created_at, queue_name
$$;

-- total_messages counts every message ever sent: the queue's identity sequence, as pgmq reports it.
create function pgmq.metrics(queue_name text) returns pgmq.metrics_result language plpgsql as $$
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  r pgmq.metrics_result;
begin
  perform pgmq._queue_exists(queue_name);
  execute format('select $1, count(*), extract(epoch from now() - max(enqueued_at))::integer, '
      || 'extract(epoch from now() - min(enqueued_at))::integer, '
      || 'coalesce(pg_sequence_last_value(pg_get_serial_sequence($2, ''msg_id'')), 0), now() from pgmq.%I', qtable)
      into r using queue_name, format('pgmq.%I', qtable);
  return r;
end $$;

create function pgmq.metrics_all() returns setof pgmq.metrics_result language sql as $$
  select (pgmq.metrics(m.queue_name)).* from pgmq.meta m order by m.queue_name
$$;
