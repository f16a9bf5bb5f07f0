select 1e5, 1.5e-3, .5, 0x1F, 0o17, 0b101, 1_000_000;
select 1::numeric(10,2), -2.5, 3 - -2;
