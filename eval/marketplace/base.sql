-- Development eval, schema "marketplace": a second-hand marketplace on Supabase (listings, images,
-- offers, reviews, favorites, messages, an admins table). The first migration of the project folder.
create extension if not exists citext with schema extensions;

create type public.listing_status as enum ('draft', 'active', 'sold', 'archived');
create type public.offer_status as enum ('pending', 'accepted', 'rejected', 'withdrawn');
create type public.item_condition as enum ('new', 'like_new', 'good', 'fair');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username extensions.citext not null unique,
  bio text,
  avatar_url text,
  is_seller boolean not null default false,
  created_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
create policy "profiles are public" on public.profiles for select to anon, authenticated using (true);

create table public.admins (
  user_id uuid primary key references auth.users (id) on delete cascade,
  granted_at timestamptz not null default now()
);
alter table public.admins enable row level security;

create table public.categories (
  id serial primary key,
  name text not null unique,
  slug text not null unique,
  parent_id integer references public.categories (id)
);

create table public.listings (
  id uuid primary key default gen_random_uuid(),
  seller_id uuid not null references auth.users (id) on delete cascade,
  category_id integer references public.categories (id),
  title text not null,
  description text,
  price_cents integer not null,
  currency char(3) not null default 'USD',
  condition public.item_condition,
  status public.listing_status not null default 'draft',
  is_featured boolean not null default false,
  location text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index listings_seller_id_idx on public.listings (seller_id);
alter table public.listings enable row level security;
create policy "active listings are public" on public.listings
  for select to anon, authenticated using (status = 'active');

create table public.listing_images (
  id bigint generated always as identity primary key,
  listing_id uuid not null references public.listings (id) on delete cascade,
  path text not null,
  position integer not null default 0
);

create table public.offers (
  id bigint generated always as identity primary key,
  listing_id uuid not null references public.listings (id) on delete cascade,
  buyer_id uuid not null references auth.users (id) on delete cascade,
  amount_cents integer not null,
  message text,
  status public.offer_status not null default 'pending',
  created_at timestamptz not null default now()
);
create index offers_listing_id_idx on public.offers (listing_id);

create table public.reviews (
  id bigint generated always as identity primary key,
  listing_id uuid references public.listings (id) on delete set null,
  reviewer_id uuid not null references auth.users (id),
  seller_id uuid not null references auth.users (id),
  rating smallint not null,
  body text,
  created_at timestamptz not null default now()
);

create table public.favorites (
  user_id uuid not null references auth.users (id) on delete cascade,
  listing_id uuid not null references public.listings (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, listing_id)
);

create table public.messages (
  id bigint generated always as identity primary key,
  offer_id bigint not null references public.offers (id) on delete cascade,
  sender_id uuid not null references auth.users (id),
  body text not null,
  read_at timestamptz,
  created_at timestamptz not null default now()
);

create table public.promo_codes (
  code text primary key,
  percent_off integer,
  expires_on date
);

create or replace function public.bump_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at = now();
  return new;
end $$;
create trigger listings_bump_updated_at before update on public.listings
  for each row execute function public.bump_updated_at();

insert into storage.buckets (id, name, public) values ('listing-photos', 'listing-photos', true);
