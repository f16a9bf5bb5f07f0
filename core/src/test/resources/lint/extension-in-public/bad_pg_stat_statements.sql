-- expect: extension-in-public@2
create extension if not exists pg_stat_statements;
