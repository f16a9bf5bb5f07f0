-- expect: none
create table public.teams (id bigint generated always as identity primary key, name text not null);
create table public.team_members (
  team_id bigint not null references public.teams (id) on delete cascade,
  user_name text not null,
  primary key (team_id, user_name)
);
