-- Rows the RLS checks read: users a, b, c (from helpers.sql). Not a migration.
-- a owns gym 1 (public) and coaches there (coach 11); b owns gym 2 (not public) and coaches there (coach 12).
-- Sessions: 1 (gym 1, coach 11, published), 2 (gym 1, coach 11, unpublished), 3 (gym 2, coach 12, published).
-- Bookings: 1 = b on session 1, 2 = c on session 1, 3 = c on session 3.
-- gym_members: b and c belong to gym 1, c to gym 2. Workouts: 1 of a, 2 of b. Payments: 1 of b (gym 1), 2 of c (gym 2).
insert into public.gyms (id, owner_id, name, city, is_public) values
  (ev.id(1), ev.uid('a'), 'Iron Temple', 'Oslo', true),
  (ev.id(2), ev.uid('b'), 'Quiet Yoga', 'Bergen', false);
insert into public.coaches (id, user_id, gym_id, bio, hourly_rate) values
  (ev.id(11), ev.uid('a'), ev.id(1), 'powerlifting', 50),
  (ev.id(12), ev.uid('b'), ev.id(2), 'yoga', 40);
insert into public.sessions (gym_id, coach_id, title, starts_at, capacity, level, published) values
  (ev.id(1), ev.id(11), 'Morning strength', '2026-12-10 07:00+00', 12, 'beginner', true),
  (ev.id(1), ev.id(11), 'Secret squat club', '2026-12-11 19:00+00', 6, 'advanced', false),
  (ev.id(2), ev.id(12), 'Sunrise flow', '2026-12-12 06:30+00', 15, 'beginner', true);
insert into public.bookings (session_id, member_id, status) values
  (1, ev.uid('b'), 'confirmed'), (1, ev.uid('c'), 'cancelled'), (3, ev.uid('c'), 'confirmed');
insert into public.gym_members (gym_id, user_id, plan) values
  (ev.id(1), ev.uid('b'), 'monthly'), (ev.id(1), ev.uid('c'), 'yearly'), (ev.id(2), ev.uid('c'), 'monthly');
insert into public.workouts (user_id, notes, calories) values
  (ev.uid('a'), 'leg day', 600), (ev.uid('b'), 'easy run', 300);
insert into public.exercises (name, muscle_group) values ('squat', 'legs'), ('bench press', 'chest');
insert into public.workout_sets (workout_id, exercise_id, reps, weight_kg) values
  (1, 1, 5, 140), (2, 2, 10, 60);
insert into public.payments (member_id, gym_id, amount_cents, paid_at) values
  (ev.uid('b'), ev.id(1), 4900, now()), (ev.uid('c'), ev.id(2), 3900, null);
