-- Rows the RLS checks read. a is a doctor at clinic 1, c a receptionist at clinic 1, b a doctor at
-- clinic 2. Patient 11 (clinic 1) has the account of user b; patient 12 (clinic 2) has none.
insert into public.profiles (id, display_name) values (ev.uid('a'), 'Dr A'), (ev.uid('b'), 'Dr B'), (ev.uid('c'), 'Reception C');
insert into public.clinics (id, name, phone) values (ev.id(1), 'North', '555-0101'), (ev.id(2), 'South', '555-0102');
insert into public.staff (clinic_id, user_id, role) values
  (ev.id(1), ev.uid('a'), 'doctor'), (ev.id(1), ev.uid('c'), 'receptionist'), (ev.id(2), ev.uid('b'), 'doctor');
insert into public.patients (id, clinic_id, user_id, first_name, last_name, email) values
  (ev.id(11), ev.id(1), ev.uid('b'), 'Pat', 'One', 'pat1@example.com'),
  (ev.id(12), ev.id(2), null, 'Pat', 'Two', 'pat2@example.com');
insert into public.rooms (clinic_id, name, floor) values (ev.id(1), 'R1', 1), (ev.id(2), 'R2', 2);
insert into public.appointments (clinic_id, patient_id, doctor_id, booked_by, starts_at, ends_at, status) values
  (ev.id(1), ev.id(11), ev.uid('a'), ev.uid('b'), '2026-01-10 09:00+00', '2026-01-10 09:30+00', 'confirmed'),
  (ev.id(2), ev.id(12), ev.uid('b'), ev.uid('b'), '2026-01-11 10:00+00', '2026-01-11 10:30+00', 'requested');
insert into public.prescriptions (appointment_id, prescribed_by, medication) values (1, ev.uid('a'), 'ibuprofen');
insert into public.invoices (patient_id, amount_cents, state) values (ev.id(11), 5000, 'paid'), (ev.id(12), 7000, 'unpaid');
