create table docs (d jsonb);
insert into docs values ('{"a;": 1, "b": [1, 2]}');
select d ? 'a;', d ?| array['b'], d ?& array['a;', 'b'], d->>'a;' from docs;
select '{"x": "{fn now()}"}'::jsonb, '{d 2020-01-01}';
