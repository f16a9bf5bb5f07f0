create table t (s text);
insert into t values ('a;b'), ('it''s; ok'), (';'), ('''');
insert into t values ('-- not a comment; /* nor this */');
select count(*) from t where s like '%;%';
