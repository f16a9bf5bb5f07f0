-- Org 1 (Acme): a owner, c member. Org 2 (Globex): b owner. Invoice 1 (Acme, open), 2 (Globex, paid).
insert into public.profiles (id, full_name) values (ev.uid('a'), 'Ann'), (ev.uid('b'), 'Bo'), (ev.uid('c'), 'Cy');
insert into public.organizations (id, name, slug, created_by) values
  (ev.id(1), 'Acme', 'acme', ev.uid('a')), (ev.id(2), 'Globex', 'globex', ev.uid('b'));
insert into public.memberships (org_id, user_id, role) values
  (ev.id(1), ev.uid('a'), 'owner'), (ev.id(1), ev.uid('c'), 'member'), (ev.id(2), ev.uid('b'), 'owner');
insert into public.subscriptions (org_id, plan, seats) values (ev.id(1), 'pro', 5), (ev.id(2), 'free', 1);
insert into public.invoices (org_id, number, amount_cents, status, due_date) values
  (ev.id(1), 'INV-1', 9900, 'open', '2026-02-01'), (ev.id(2), 'INV-2', 0, 'paid', '2026-01-01');
insert into public.invoice_items (invoice_id, description, amount_cents) values (1, 'Pro plan', 9900), (2, 'Free plan', 0);
insert into public.api_keys (org_id, created_by, name, key_hash) values (ev.id(1), ev.uid('a'), 'ci', 'h1'), (ev.id(2), ev.uid('b'), 'prod', 'h2');
insert into public.feature_flags (key, enabled) values ('new_billing', false);
