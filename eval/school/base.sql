-- Development eval, schema "school": a learning platform on Supabase (courses, enrollments,
-- assignments, submissions, announcements, attendance). The first migration of the project folder.
create type public.enrollment_status as enum ('active', 'dropped', 'completed');
create type public.user_role as enum ('student', 'teacher', 'admin');
create type public.term as enum ('fall', 'spring', 'summer');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text,
  role public.user_role not null default 'student',
  grade_level integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
create policy "read own profile" on public.profiles for select to authenticated using ((select auth.uid()) = id);

create table public.courses (
  id uuid primary key default gen_random_uuid(),
  teacher_id uuid not null references auth.users (id),
  title text not null,
  code varchar(20) not null unique,
  description text,
  term public.term,
  is_published boolean not null default false,
  max_students integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.courses enable row level security;
create policy "published courses are public" on public.courses
  for select to anon, authenticated using (is_published);

create table public.enrollments (
  id bigint generated always as identity primary key,
  course_id uuid not null references public.courses (id) on delete cascade,
  student_id uuid not null references auth.users (id) on delete cascade,
  status public.enrollment_status not null default 'active',
  enrolled_at timestamptz not null default now(),
  final_grade numeric(5,2),
  unique (course_id, student_id)
);

create table public.assignments (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,
  title text not null,
  instructions text,
  due_at timestamptz,
  max_points integer not null default 100,
  published boolean not null default false,
  created_at timestamptz not null default now()
);
create index assignments_course_id_idx on public.assignments (course_id);

create table public.submissions (
  id uuid primary key default gen_random_uuid(),
  assignment_id uuid not null references public.assignments (id) on delete cascade,
  student_id uuid not null references auth.users (id) on delete cascade,
  content text,
  file_path text,
  submitted_at timestamptz not null default now(),
  grade numeric(5,2),
  graded_by uuid references auth.users (id),
  feedback text
);

create table public.announcements (
  id bigint generated always as identity primary key,
  course_id uuid not null references public.courses (id) on delete cascade,
  author_id uuid not null references auth.users (id),
  title text not null,
  body text,
  pinned boolean not null default false,
  created_at timestamptz not null default now()
);

create table public.attendance (
  course_id uuid not null references public.courses (id) on delete cascade,
  student_id uuid not null references auth.users (id) on delete cascade,
  day date not null,
  present boolean not null default true,
  primary key (course_id, student_id, day)
);

create table public.legacy_grades (
  student_email text,
  course_code text,
  grade text
);

create or replace function public.set_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at = now();
  return new;
end $$;
create trigger courses_set_updated_at before update on public.courses
  for each row execute function public.set_updated_at();

insert into storage.buckets (id, name, public) values ('submissions', 'submissions', false);
