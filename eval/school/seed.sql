-- a teaches course 1 (published) and course 2 (not published); b and c are students.
-- b is enrolled in course 1, c in course 2. Assignment 21 (course 1, published), 22 (course 1, draft),
-- 23 (course 2, published). b submitted to 21, c to 23.
insert into public.profiles (id, full_name, role) values
  (ev.uid('a'), 'Teacher A', 'teacher'), (ev.uid('b'), 'Student B', 'student'), (ev.uid('c'), 'Student C', 'student');
insert into public.courses (id, teacher_id, title, code, term, is_published) values
  (ev.id(1), ev.uid('a'), 'Algebra', 'MATH101', 'fall', true),
  (ev.id(2), ev.uid('a'), 'Biology', 'BIO201', 'spring', false);
insert into public.enrollments (course_id, student_id) values (ev.id(1), ev.uid('b')), (ev.id(2), ev.uid('c'));
insert into public.assignments (id, course_id, title, published, due_at) values
  (ev.id(21), ev.id(1), 'Homework 1', true, '2026-02-01 23:59+00'), (ev.id(22), ev.id(1), 'Homework 2', false, '2026-02-08 23:59+00'),
  (ev.id(23), ev.id(2), 'Lab 1', true, '2026-02-03 12:00+00');
insert into public.submissions (assignment_id, student_id, content) values (ev.id(21), ev.uid('b'), 'b answer'), (ev.id(23), ev.uid('c'), 'c answer');
insert into public.announcements (course_id, author_id, title, body) values (ev.id(1), ev.uid('a'), 'Welcome', 'hi'), (ev.id(2), ev.uid('a'), 'Lab safety', 'goggles');
insert into public.attendance (course_id, student_id, day, present) values (ev.id(1), ev.uid('b'), '2026-01-05', true), (ev.id(2), ev.uid('c'), '2026-01-05', false);
