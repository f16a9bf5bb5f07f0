-- Rows the RLS checks read: users a, b, c (from helpers.sql). Not a migration.
insert into public.profiles (id, username, full_name) values
  (ev.uid('a'), 'alice', 'Alice A'), (ev.uid('b'), 'bob', 'Bob B'), (ev.uid('c'), 'carol', 'Carol C');
insert into public.projects (id, owner_id, name, is_public, stage) values
  (ev.id(1), ev.uid('a'), 'Apollo', true, 'active'),
  (ev.id(2), ev.uid('b'), 'Borealis', false, 'planning');
insert into public.project_members (project_id, user_id, role) values
  (ev.id(1), ev.uid('a'), 'owner'), (ev.id(1), ev.uid('c'), 'member'),
  (ev.id(2), ev.uid('b'), 'owner');
insert into public.tasks (project_id, created_by, assignee_id, title, status, position) values
  (ev.id(1), ev.uid('a'), ev.uid('c'), 'a1 assigned to c', 'todo', 1),
  (ev.id(1), ev.uid('a'), null, 'a2', 'done', 2),
  (ev.id(2), ev.uid('b'), ev.uid('a'), 'b1 assigned to a', 'in_progress', 1);
insert into public.comments (task_id, author_id, body) values
  (1, ev.uid('a'), 'by a'), (1, ev.uid('c'), 'by c'), (3, ev.uid('b'), 'by b');
insert into public.notes (project_id, user_id, content) values
  (ev.id(1), ev.uid('a'), 'note of a'), (ev.id(2), ev.uid('b'), 'note of b');
insert into public.labels (project_id, name, color) values (ev.id(1), 'bug', 'red'), (ev.id(2), 'idea', 'blue');
