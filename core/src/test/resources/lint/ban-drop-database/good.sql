-- expect: none
create schema if not exists analytics;
