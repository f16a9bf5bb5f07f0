create view v as
with a as (select 1 as x, ';' as s),
     b as (select x + 1 as x, s || '--' as s from a)
select * from b;
select * from v;
create materialized view mv as select * from v;
