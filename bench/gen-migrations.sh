#!/usr/bin/env bash
# Writes N migrations (table + index + RLS + policy each) into DIR in pgpilot's naming.
# Usage: bench/gen-migrations.sh N DIR
set -euo pipefail
n=$1; dir=$2
mkdir -p "$dir"
for i in $(seq 1 "$n"); do
  v=$(date -u -d "@$((1735689600 + i * 60))" +%Y%m%d%H%M%S)   # one minute apart from 2025-01-01
  cat > "$dir/${v}_create_items_$i.sql" <<SQL
-- Migration: create_items_$i
create table if not exists public.items_$i (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  title text not null,
  created_at timestamptz not null default now()
);
create index if not exists idx_items_${i}_owner_id on public.items_$i (owner_id);
alter table public.items_$i enable row level security;
drop policy if exists "owner can read items_$i" on public.items_$i;
create policy "owner can read items_$i" on public.items_$i for select to authenticated
  using ((select auth.uid()) = owner_id);
comment on table public.items_$i is 'benchmark table $i';
SQL
done
