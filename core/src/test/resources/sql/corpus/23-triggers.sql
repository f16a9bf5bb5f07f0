create table t (id int, updated_at timestamptz);
create function touch() returns trigger language plpgsql as $$
begin
  new.updated_at := now(); -- stamp it;
  return new;
end $$;
create trigger t_touch before update on t for each row execute function touch();
insert into t values (1, null);
update t set id = 2;
