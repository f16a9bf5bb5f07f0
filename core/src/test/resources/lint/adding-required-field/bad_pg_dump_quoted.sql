-- expect: adding-required-field@3
-- as pg_dump and supabase db diff write it
ALTER TABLE ONLY "public"."orders" ADD COLUMN "region" "text" NOT NULL;
