-- expect: identifier-too-long@3
-- 63 characters but 66 bytes in UTF-8: the limit is in bytes
create table public."statistiques_quotidiennes_des_réservations_annulées_à_rembourse" (id bigint primary key);
