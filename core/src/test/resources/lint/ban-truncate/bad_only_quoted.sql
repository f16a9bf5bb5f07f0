-- expect: ban-truncate@2
TRUNCATE ONLY "public"."orders";
