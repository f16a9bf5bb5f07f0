-- expect: function-search-path-mutable@3, function-search-path-mutable@6
-- pg_dump writes overloads one after the other: each is a function of its own
CREATE OR REPLACE FUNCTION "public"."create_owner"("user_record" "auth"."users") RETURNS "void"
    LANGUAGE "plpgsql" SECURITY DEFINER
    AS $$ begin perform 1; end $$;
CREATE OR REPLACE FUNCTION "public"."create_owner"("p_user_id" "uuid", "p_email" "text") RETURNS "void"
    LANGUAGE "plpgsql" SECURITY DEFINER
    AS $$ begin perform 1; end $$;
