create table t (s text);
insert into t values (E'it\'s; escaped');
insert into t values (e'back\\slash;'), (E'tab\there'), (E'quote\'\'; twice');
insert into t values (E'\x41\101\u0041;');
select s from t where s = E'it\'s; escaped';
