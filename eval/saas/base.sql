-- Development eval, schema "saas": a multi-tenant B2B app on Supabase (organizations, memberships
-- with roles, invitations, subscriptions, invoices, API keys). The first migration of the project folder.
create type public.org_role as enum ('owner', 'admin', 'member', 'billing');
create type public.invoice_status as enum ('draft', 'open', 'paid', 'void');
create type public.plan as enum ('free', 'pro', 'enterprise');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text,
  job_title text,
  created_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
create policy "own profile" on public.profiles for all to authenticated
  using ((select auth.uid()) = id) with check ((select auth.uid()) = id);

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null unique,
  created_by uuid references auth.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.organizations enable row level security;

create table public.memberships (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.org_role not null default 'member',
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index memberships_user_id_idx on public.memberships (user_id);

-- Whether the signed-in user is a member of org (any role), without tripping memberships' own RLS.
create or replace function public.is_member(org uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.memberships m where m.org_id = org and m.user_id = (select auth.uid()))
$$;
create policy "members read their organizations" on public.organizations
  for select to authenticated using (public.is_member(id));

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null,
  role public.org_role not null default 'member',
  created_by uuid not null references auth.users (id),
  accepted_at timestamptz,
  created_at timestamptz not null default now()
);

create table public.subscriptions (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  plan public.plan not null default 'free',
  seats integer not null default 1,
  status text not null default 'active',
  trial_ends_at timestamptz,
  updated_at timestamptz not null default now()
);

create table public.invoices (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  number text not null,
  amount_cents bigint not null,
  status public.invoice_status not null default 'draft',
  due_date date,
  paid_at timestamptz,
  created_at timestamptz not null default now()
);

create table public.invoice_items (
  id bigint generated always as identity primary key,
  invoice_id bigint not null references public.invoices (id) on delete cascade,
  description text not null,
  quantity integer not null default 1,
  amount_cents bigint not null
);

create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid not null references auth.users (id),
  name text not null,
  key_hash text not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table public.feature_flags (
  key text primary key,
  enabled boolean not null default false,
  description text
);

insert into storage.buckets (id, name, public) values ('org-files', 'org-files', false);
