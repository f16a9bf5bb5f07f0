/* outer; /* inner; */ still outer; */
create table t (id int);
/* a /* b /* c; */ b; */ a; */ insert into t values (1);
select /* in; the */ id from t /* middle; */ where id = 1;
select 2 */* a comment right after an operator; */ 3;
