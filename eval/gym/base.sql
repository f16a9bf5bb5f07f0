-- A fitness studio app: gyms, coaches, class sessions, bookings, members' plans, workout logs.
create type public.booking_status as enum ('confirmed', 'cancelled', 'no_show');

create table public.gyms (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users(id),
  name text not null,
  city text,
  is_public boolean not null default true,
  created_at timestamptz not null default now()
);
create index gyms_owner_id_idx on public.gyms(owner_id);
alter table public.gyms enable row level security;
create policy "public gyms are visible" on public.gyms for select to anon, authenticated using (is_public);

create table public.coaches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id),
  gym_id uuid not null references public.gyms(id) on delete cascade,
  bio text,
  hourly_rate numeric(8,2)
);
create index coaches_user_id_idx on public.coaches(user_id);
create index coaches_gym_id_idx on public.coaches(gym_id);
alter table public.coaches enable row level security;

create table public.sessions (
  id bigint generated always as identity primary key,
  gym_id uuid not null references public.gyms(id) on delete cascade,
  coach_id uuid references public.coaches(id) on delete set null,
  title text not null,
  starts_at timestamptz not null,
  duration_minutes integer not null default 60,
  capacity integer not null default 20,
  level text,
  published boolean not null default false
);
create index sessions_gym_id_idx on public.sessions(gym_id);
create index sessions_coach_id_idx on public.sessions(coach_id);
alter table public.sessions enable row level security;

create table public.bookings (
  id bigint generated always as identity primary key,
  session_id bigint not null references public.sessions(id) on delete cascade,
  member_id uuid not null references auth.users(id),
  status public.booking_status not null default 'confirmed',
  created_at timestamptz not null default now()
);
create index bookings_session_id_idx on public.bookings(session_id);
create index bookings_member_id_idx on public.bookings(member_id);
alter table public.bookings enable row level security;

create table public.gym_members (
  id bigint generated always as identity primary key,
  gym_id uuid not null references public.gyms(id) on delete cascade,
  user_id uuid not null references auth.users(id),
  plan text not null,
  starts_on date not null default current_date,
  ends_on date,
  unique (gym_id, user_id)
);
create index gym_members_user_id_idx on public.gym_members(user_id);
alter table public.gym_members enable row level security;

create table public.workouts (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users(id),
  performed_at timestamptz not null default now(),
  notes text,
  calories integer
);
create index workouts_user_id_idx on public.workouts(user_id);
alter table public.workouts enable row level security;

create table public.exercises (
  id bigint generated always as identity primary key,
  name text not null unique,
  muscle_group text
);
alter table public.exercises enable row level security;

create table public.workout_sets (
  id bigint generated always as identity primary key,
  workout_id bigint not null references public.workouts(id) on delete cascade,
  exercise_id bigint not null references public.exercises(id),
  reps integer,
  weight_kg numeric(6,2)
);
create index workout_sets_workout_id_idx on public.workout_sets(workout_id);
create index workout_sets_exercise_id_idx on public.workout_sets(exercise_id);
alter table public.workout_sets enable row level security;

create table public.payments (
  id bigint generated always as identity primary key,
  member_id uuid not null references auth.users(id),
  gym_id uuid not null references public.gyms(id),
  amount_cents integer not null,
  paid_at timestamptz
);
create index payments_member_id_idx on public.payments(member_id);
create index payments_gym_id_idx on public.payments(gym_id);
alter table public.payments enable row level security;

insert into storage.buckets (id, name, public) values ('progress-photos', 'progress-photos', false);
