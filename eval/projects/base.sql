-- Development eval, schema "projects": a team task tracker on Supabase (projects, members, tasks,
-- comments, notes, labels, attachments). The first migration of the eval's project folder.
create extension if not exists citext with schema extensions;

create type public.task_status as enum ('todo', 'in_progress', 'done');
create type public.task_priority as enum ('low', 'medium', 'high');
create type public.project_role as enum ('owner', 'admin', 'member', 'viewer');
create type public.project_stage as enum ('planning', 'active', 'closed');

create or replace function public.set_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at = now();
  return new;
end $$;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text unique,
  full_name text,
  avatar_url text,
  bio text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
create policy "profiles are readable by signed-in users" on public.profiles
  for select to authenticated using (true);
create policy "users update their own profile" on public.profiles
  for update to authenticated using ((select auth.uid()) = id) with check ((select auth.uid()) = id);

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  name text not null,
  description text,
  stage public.project_stage not null default 'planning',
  is_archived boolean not null default false,
  is_public boolean not null default false,
  color text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index projects_owner_id_idx on public.projects (owner_id);
alter table public.projects enable row level security;
create policy "owners read their projects" on public.projects
  for select to authenticated using ((select auth.uid()) = owner_id);
create trigger projects_set_updated_at before update on public.projects
  for each row execute function public.set_updated_at();

create table public.project_members (
  project_id uuid not null references public.projects (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.project_role not null default 'member',
  joined_at timestamptz not null default now(),
  primary key (project_id, user_id)
);
create index project_members_user_id_idx on public.project_members (user_id);

create table public.tasks (
  id bigint generated always as identity primary key,
  project_id uuid not null references public.projects (id) on delete cascade,
  created_by uuid not null default auth.uid() references auth.users (id),
  assignee_id uuid references auth.users (id) on delete set null,
  title text not null,
  notes text,
  status public.task_status not null default 'todo',
  priority public.task_priority not null default 'medium',
  due_date date,
  estimate_hours numeric(6,2),
  position integer,
  legacy_ref text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tasks_project_id_idx on public.tasks (project_id);

create table public.comments (
  id bigint generated always as identity primary key,
  task_id bigint not null references public.tasks (id) on delete cascade,
  author_id uuid not null references auth.users (id) on delete cascade,
  body text not null,
  edited boolean not null default false,
  created_at timestamptz not null default now()
);
create index comments_task_id_idx on public.comments (task_id);

create table public.notes (
  id uuid primary key default gen_random_uuid(),
  project_id uuid references public.projects (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  content text,
  created_at timestamptz not null default now()
);

create table public.labels (
  id serial primary key,
  project_id uuid not null references public.projects (id) on delete cascade,
  name text not null,
  description text,
  color text
);

create table public.task_labels (
  task_id bigint not null references public.tasks (id) on delete cascade,
  label_id integer not null references public.labels (id) on delete cascade,
  primary key (task_id, label_id)
);

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  task_id bigint not null references public.tasks (id) on delete cascade,
  uploaded_by uuid references auth.users (id),
  file_path text not null,
  size_bytes bigint,
  created_at timestamptz not null default now()
);

create table public.activity_log (
  id bigint generated always as identity primary key,
  project_id uuid,
  actor_id uuid,
  action text not null,
  payload jsonb,
  created_at timestamptz not null default now()
);

create table public.old_imports (
  id integer primary key,
  raw text
);

insert into storage.buckets (id, name, public) values ('task-files', 'task-files', false);
