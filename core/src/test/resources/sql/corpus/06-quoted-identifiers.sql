create table "we;ird""name" ("col;1" int, "--not a comment" text, "/*" text);
insert into "we;ird""name" values (1, ';', '*/');
select "col;1", "--not a comment" from "we;ird""name";
