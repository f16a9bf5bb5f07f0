-- expect: ban-drop-database@2
drop database if exists analytics;
