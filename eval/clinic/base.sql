-- Development eval, schema "clinic": a multi-clinic booking app on Supabase (clinics, staff,
-- patients, appointments, prescriptions, invoices). The first migration of the eval's project folder.
create type public.appointment_status as enum ('requested', 'confirmed', 'cancelled', 'completed');
create type public.staff_role as enum ('doctor', 'nurse', 'receptionist', 'admin');
create type public.payment_state as enum ('unpaid', 'paid', 'refunded');

create or replace function public.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at = now();
  return new;
end $$;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text,
  phone text,
  locale text not null default 'en',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
create policy "own profile" on public.profiles
  for select to authenticated using ((select auth.uid()) = id);

create table public.clinics (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  address text,
  phone text,
  timezone text not null default 'UTC',
  created_at timestamptz not null default now()
);

create table public.staff (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.staff_role not null,
  active boolean not null default true,
  unique (clinic_id, user_id)
);
create index staff_user_id_idx on public.staff (user_id);

create table public.patients (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  user_id uuid references auth.users (id) on delete set null,
  first_name text not null,
  last_name text not null,
  date_of_birth date,
  email text,
  phone text,
  notes text,
  insurance_number text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index patients_clinic_id_idx on public.patients (clinic_id);
alter table public.patients enable row level security;
create policy "staff read their clinic's patients" on public.patients
  for select to authenticated
  using (exists (select 1 from public.staff s where s.clinic_id = patients.clinic_id and s.user_id = (select auth.uid())));
create trigger patients_touch_updated_at before update on public.patients
  for each row execute function public.touch_updated_at();

create table public.rooms (
  id serial primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null,
  floor integer
);

create table public.appointments (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  patient_id uuid not null references public.patients (id) on delete cascade,
  doctor_id uuid references auth.users (id),
  booked_by uuid not null default auth.uid() references auth.users (id),
  room_id integer,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status public.appointment_status not null default 'requested',
  reason text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index appointments_patient_id_idx on public.appointments (patient_id);
create index appointments_clinic_id_idx on public.appointments (clinic_id);

create table public.prescriptions (
  id uuid primary key default gen_random_uuid(),
  appointment_id bigint not null references public.appointments (id) on delete cascade,
  prescribed_by uuid references auth.users (id),
  medication text not null,
  dosage text,
  refills integer not null default 0,
  created_at timestamptz not null default now()
);

create table public.invoices (
  id bigint generated always as identity primary key,
  patient_id uuid not null references public.patients (id),
  amount_cents integer not null,
  state public.payment_state not null default 'unpaid',
  issued_on date not null default current_date,
  paid_at timestamptz
);

create table public.audit_events (
  id bigint generated always as identity primary key,
  table_name text not null,
  row_id text,
  actor uuid,
  details jsonb,
  happened_at timestamptz not null default now()
);

create table public.fax_numbers (
  clinic_id uuid,
  number text
);

insert into storage.buckets (id, name, public) values ('lab-results', 'lab-results', false);
