-- expect: enum-value-used-in-same-transaction@3
ALTER TYPE "public"."mood" ADD VALUE 'tired';
INSERT INTO "public"."feelings" ("id", "mood") VALUES (7, 'tired'::"public"."mood");
