-- expect: ban-drop-database@3
-- start over
/* old data */ drop database old_reports;
