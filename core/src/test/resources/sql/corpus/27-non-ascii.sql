-- ünïcödé; comments 😀
create table café (naïve text, "😀;" int);
insert into café values ('日本語; テキスト', 1);
select naïve, "😀;" from café where naïve like '%;%';
