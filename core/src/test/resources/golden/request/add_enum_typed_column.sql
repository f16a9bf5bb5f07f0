-- Migration: add_status_to_notes
-- Purpose: add status to notes
-- Request: add a status column of type task_status to notes
-- Created: 2026-01-01T00:00:00Z by pgpilot
-- Idempotent: safe to run twice. Down script: the .down.sql of the same name in down/ (where the Supabase CLI does not look).

-- Fail fast rather than queue behind long transactions: the statements below lock existing tables
set lock_timeout = '5s';

-- Tables
alter table "public"."notes" add column if not exists "status" "public"."task_status";
