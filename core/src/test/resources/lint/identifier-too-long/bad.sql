-- expect: identifier-too-long@2
create table public.a_table_name_that_is_much_longer_than_sixty_three_bytes_of_identifier (id bigint primary key);
