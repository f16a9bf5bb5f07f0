-- expect: manifest-unknown-object@3
-- a quoted name keeps its case: "Orders" is another table than orders
CREATE TABLE IF NOT EXISTS "public"."Orders" ("id" bigint PRIMARY KEY);
