-- expect: none
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" schema extensions version '1.1';
