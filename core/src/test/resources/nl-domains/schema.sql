-- Apps other than the eval's shop: a task tracker, a clinic, a marketplace and a school, one database.
create type public.task_status as enum ('todo', 'doing', 'done');
create table public.tasks (id uuid primary key default gen_random_uuid(), owner_id uuid references auth.users(id) on delete cascade,
  title text not null, status public.task_status not null default 'todo', done boolean not null default false, notes text,
  created_at timestamptz not null default now());
create table public.notes (id uuid primary key default gen_random_uuid(), body text);
create table public.patients (id uuid primary key default gen_random_uuid(), full_name text not null, born_on date, phone text);
create table public.appointments (id uuid primary key default gen_random_uuid(), patient_id uuid not null references public.patients(id) on delete cascade,
  starts_at timestamptz not null, status text not null default 'booked');
create table public.listings (id bigint generated always as identity primary key, seller_id uuid references auth.users(id) on delete cascade,
  title text not null, price numeric(10,2) not null, sold boolean not null default false);
create table public.students (id uuid primary key default gen_random_uuid(), name text not null, grade integer);
create table public.courses (id uuid primary key default gen_random_uuid(), title text not null);
create table public.enrollments (student_id uuid not null references public.students(id) on delete cascade,
  course_id uuid not null references public.courses(id) on delete cascade, primary key (student_id, course_id));
create table public.logs (id bigint generated always as identity primary key, message text, created_at timestamptz not null default now());
