-- expect: none
drop schema if exists analytics_staging;
