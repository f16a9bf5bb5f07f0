-- expect: none
-- drop database analytics; -- done by hand on the old server
create schema if not exists reports;
