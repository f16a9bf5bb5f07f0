-- expect: manifest-deprecated-object@2
insert into public.old_orders (id) values (1);
