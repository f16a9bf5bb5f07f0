-- a sells listing 1 (active) and listing 2 (draft); b sells listing 3 (sold). c is the admin.
-- b made offer 1 on listing 1; c made offer 2 on listing 3.
insert into public.profiles (id, username) values (ev.uid('a'), 'anna'), (ev.uid('b'), 'ben'), (ev.uid('c'), 'cleo');
insert into public.admins (user_id) values (ev.uid('c'));
insert into public.categories (name, slug) values ('Bikes', 'bikes'), ('Books', 'books');
insert into public.listings (id, seller_id, category_id, title, price_cents, status, condition) values
  (ev.id(1), ev.uid('a'), 1, 'Road bike', 30000, 'active', 'good'),
  (ev.id(2), ev.uid('a'), 2, 'Draft book', 1500, 'draft', 'new'),
  (ev.id(3), ev.uid('b'), 1, 'Old bike', 9000, 'sold', 'fair');
insert into public.listing_images (listing_id, path, position) values (ev.id(1), 'a/bike.jpg', 0), (ev.id(3), 'b/old.jpg', 0);
insert into public.offers (listing_id, buyer_id, amount_cents) values (ev.id(1), ev.uid('b'), 25000), (ev.id(3), ev.uid('c'), 8000);
insert into public.reviews (listing_id, reviewer_id, seller_id, rating, body) values (ev.id(3), ev.uid('c'), ev.uid('b'), 5, 'great');
insert into public.favorites (user_id, listing_id) values (ev.uid('b'), ev.id(1)), (ev.uid('c'), ev.id(1));
insert into public.messages (offer_id, sender_id, body) values (1, ev.uid('b'), 'would you take 250?'), (1, ev.uid('a'), 'make it 280');
