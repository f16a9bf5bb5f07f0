-- pgpilot's local stand-in for pgvector. A vector is stored as its text form ('[1,2,3]'), so its
-- input and output reuse PostgreSQL's own text functions; the dimension in vector(n) is checked on
-- assignment, and the distances are computed in SQL from the elements. Indexes "using hnsw" or
-- "using ivfflat" are accepted (they are hash indexes underneath) but never used for nearest-
-- neighbour search: queries scan, which gives exact answers, slowly. A hash index takes no options
-- but fillfactor, so pgpilot blanks the WITH (m = 16, ...) of such indexes before sending a file
-- (target.StandInIndexOptions) and up says where.
create type vector;
create function vector_in(cstring, oid, integer) returns vector language internal immutable strict parallel safe as 'textin';
create function vector_out(vector) returns cstring language internal immutable strict parallel safe as 'textout';
create function vector_typmod_in(cstring[]) returns integer language internal immutable strict parallel safe as 'varchartypmodin';
create function vector_typmod_out(integer) returns cstring language internal immutable strict parallel safe as 'varchartypmodout';
create type vector (input = vector_in, output = vector_out, typmod_in = vector_typmod_in, typmod_out = vector_typmod_out,
                    internallength = variable, storage = extended, alignment = int4, category = 'U');

create cast (vector as text) without function as implicit;
create function vector_to_float8(vector) returns double precision[] language sql immutable strict parallel safe as $$
  select case when btrim($1::text) ~ '^\[\s*\]$' then '{}'::double precision[]
              else string_to_array(btrim(btrim($1::text), '[]'), ',')::double precision[] end
$$;
create function array_to_vector(double precision[], integer, boolean) returns vector language sql immutable strict parallel safe as $$
  select ('[' || array_to_string($1, ',') || ']')::text::vector
$$;
create function array_to_vector(real[], integer, boolean) returns vector language sql immutable strict parallel safe as $$
  select ('[' || array_to_string($1, ',') || ']')::text::vector
$$;
create function array_to_vector(integer[], integer, boolean) returns vector language sql immutable strict parallel safe as $$
  select ('[' || array_to_string($1, ',') || ']')::text::vector
$$;
create function array_to_vector(numeric[], integer, boolean) returns vector language sql immutable strict parallel safe as $$
  select ('[' || array_to_string($1, ',') || ']')::text::vector
$$;
create function vector_to_float4(vector, integer, boolean) returns real[] language sql immutable strict parallel safe as $$
  select vector_to_float8($1)::real[]
$$;
create cast (double precision[] as vector) with function array_to_vector(double precision[], integer, boolean) as assignment;
create cast (real[] as vector) with function array_to_vector(real[], integer, boolean) as assignment;
create cast (integer[] as vector) with function array_to_vector(integer[], integer, boolean) as assignment;
create cast (numeric[] as vector) with function array_to_vector(numeric[], integer, boolean) as assignment;
create cast (vector as real[]) with function vector_to_float4(vector, integer, boolean) as assignment;

-- The typmod of vector(n) is n + 4 (varchartypmodin counts a header); this runs on every assignment
-- to a vector(n) column, so malformed values and wrong dimensions fail as with pgvector.
create function vector(vector, integer, boolean) returns vector language plpgsql immutable strict parallel safe as $$
declare n integer;
begin
  n := coalesce(array_length(vector_to_float8($1), 1), 0);
  if $2 >= 4 and n <> $2 - 4 then
    raise exception 'expected % dimensions, not %', $2 - 4, n using errcode = 'data_exception';
  end if;
  return $1;
end $$;
create cast (vector as vector) with function vector(vector, integer, boolean) as implicit;

create function vector_dims(vector) returns integer language sql immutable strict parallel safe as $$
  select coalesce(array_length(vector_to_float8($1), 1), 0)
$$;
create function vector_norm(vector) returns double precision language sql immutable strict parallel safe as $$
  select sqrt(sum(a * a)) from unnest(vector_to_float8($1)) a
$$;
create function l2_distance(vector, vector) returns double precision language sql immutable strict parallel safe as $$
  select sqrt(sum((a - b) ^ 2)) from unnest(vector_to_float8($1), vector_to_float8($2)) t(a, b)
$$;
create function inner_product(vector, vector) returns double precision language sql immutable strict parallel safe as $$
  select sum(a * b) from unnest(vector_to_float8($1), vector_to_float8($2)) t(a, b)
$$;
create function vector_negative_inner_product(vector, vector) returns double precision language sql immutable strict parallel safe as $$
  select -sum(a * b) from unnest(vector_to_float8($1), vector_to_float8($2)) t(a, b)
$$;
create function cosine_distance(vector, vector) returns double precision language sql immutable strict parallel safe as $$
  select 1 - sum(a * b) / nullif(sqrt(sum(a * a)) * sqrt(sum(b * b)), 0) from unnest(vector_to_float8($1), vector_to_float8($2)) t(a, b)
$$;
create function l1_distance(vector, vector) returns double precision language sql immutable strict parallel safe as $$
  select sum(abs(a - b)) from unnest(vector_to_float8($1), vector_to_float8($2)) t(a, b)
$$;
create operator <-> (leftarg = vector, rightarg = vector, function = l2_distance, commutator = '<->');
create operator <#> (leftarg = vector, rightarg = vector, function = vector_negative_inner_product, commutator = '<#>');
create operator <=> (leftarg = vector, rightarg = vector, function = cosine_distance, commutator = '<=>');
create operator <+> (leftarg = vector, rightarg = vector, function = l1_distance, commutator = '<+>');

-- Equality, ordering and hashing compare the stored text byte by byte.
create function vector_eq(vector, vector) returns boolean language internal immutable strict parallel safe as 'texteq';
create function vector_ne(vector, vector) returns boolean language internal immutable strict parallel safe as 'textne';
create function vector_lt(vector, vector) returns boolean language internal immutable strict parallel safe as 'text_pattern_lt';
create function vector_le(vector, vector) returns boolean language internal immutable strict parallel safe as 'text_pattern_le';
create function vector_ge(vector, vector) returns boolean language internal immutable strict parallel safe as 'text_pattern_ge';
create function vector_gt(vector, vector) returns boolean language internal immutable strict parallel safe as 'text_pattern_gt';
create function vector_cmp(vector, vector) returns integer language internal immutable strict parallel safe as 'bttext_pattern_cmp';
create function vector_hash(vector) returns integer language internal immutable strict parallel safe as 'hashvarlena';
create operator = (leftarg = vector, rightarg = vector, function = vector_eq, commutator = '=', negator = '<>', hashes);
create operator <> (leftarg = vector, rightarg = vector, function = vector_ne, commutator = '<>', negator = '=');
create operator < (leftarg = vector, rightarg = vector, function = vector_lt, commutator = '>', negator = '>=');
create operator <= (leftarg = vector, rightarg = vector, function = vector_le, commutator = '>=', negator = '>');
create operator >= (leftarg = vector, rightarg = vector, function = vector_ge, commutator = '<=', negator = '<');
create operator > (leftarg = vector, rightarg = vector, function = vector_gt, commutator = '<', negator = '<=');
create operator class vector_ops default for type vector using btree as
  operator 1 <, operator 2 <=, operator 3 =, operator 4 >=, operator 5 >, function 1 vector_cmp(vector, vector);
create operator class vector_hash_ops default for type vector using hash as operator 1 =, function 1 vector_hash(vector);

-- The index methods pgvector adds, so "create index ... using hnsw (embedding vector_cosine_ops)" applies.
-- They are PostgreSQL's hash index underneath (its handler is built in); no query is sped up by them.
create access method hnsw type index handler hashhandler;
create access method ivfflat type index handler hashhandler;
comment on access method hnsw is 'pgpilot local stand-in: a hash index, never used for nearest-neighbour search';
comment on access method ivfflat is 'pgpilot local stand-in: a hash index, never used for nearest-neighbour search';
create operator class vector_l2_ops for type vector using hnsw as operator 1 =, function 1 vector_hash(vector);
create operator class vector_ip_ops for type vector using hnsw as operator 1 =, function 1 vector_hash(vector);
create operator class vector_cosine_ops for type vector using hnsw as operator 1 =, function 1 vector_hash(vector);
create operator class vector_l1_ops for type vector using hnsw as operator 1 =, function 1 vector_hash(vector);
create operator class vector_l2_ops for type vector using ivfflat as operator 1 =, function 1 vector_hash(vector);
create operator class vector_ip_ops for type vector using ivfflat as operator 1 =, function 1 vector_hash(vector);
create operator class vector_cosine_ops for type vector using ivfflat as operator 1 =, function 1 vector_hash(vector);
