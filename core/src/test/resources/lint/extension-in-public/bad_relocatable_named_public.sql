-- expect: extension-in-public@3, extension-in-public@4
-- Relocatable extensions follow the SCHEMA clause: public here, said or not.
create extension if not exists vector with schema public;
create extension "uuid-ossp";
create extension if not exists pg_net with schema extensions;
