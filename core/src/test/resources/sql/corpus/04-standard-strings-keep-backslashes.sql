-- standard_conforming_strings is on: a backslash in '...' is an ordinary character
create table paths (p text);
insert into paths values ('C:\temp\');
insert into paths values ('\'); select 'done; really';
select p from paths where p = '\';
