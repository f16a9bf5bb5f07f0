-- pgpilot's local stand-in for pgjwt (Supabase ships it on PostgreSQL 15), written for pgpilot from
-- pgjwt's documented functions: HMAC-signed JSON Web Tokens over pgcrypto's hmac(). The functions
-- keep the search_path of CREATE EXTENSION (this schema and pgcrypto's), so they find hmac()
-- wherever pgcrypto was installed.
create function url_encode(data bytea) returns text language sql immutable set search_path from current as $$
  select translate(encode(data, 'base64'), E'+/=\n', '-_')
$$;

create function url_decode(data text) returns bytea language sql immutable set search_path from current as $$
  with t as (select translate(data, '-_', '+/') as s)
  select decode(s || repeat('=', (4 - length(s) % 4) % 4), 'base64') from t
$$;

create function algorithm_sign(signables text, secret text, algorithm text) returns text
language sql immutable set search_path from current as $$
  select url_encode(hmac(signables, secret, case algorithm when 'HS256' then 'sha256' when 'HS384' then 'sha384'
                                                          when 'HS512' then 'sha512' end))
$$;

create function sign(payload json, secret text, algorithm text default 'HS256') returns text
language plpgsql immutable set search_path from current as $$
declare signables text;
begin
  if algorithm not in ('HS256', 'HS384', 'HS512') then
    raise exception 'algorithm % is not supported (HS256, HS384, HS512)', algorithm using errcode = 'invalid_parameter_value';
  end if;
  signables := url_encode(convert_to('{"alg":"' || algorithm || '","typ":"JWT"}', 'utf8'))
      || '.' || url_encode(convert_to(payload::text, 'utf8'));
  return signables || '.' || algorithm_sign(signables, secret, algorithm);
end $$;

create function try_cast_double(inp text) returns double precision language plpgsql immutable as $$
begin
  return inp::double precision;
exception when others then
  return null;
end $$;

-- valid: the signature matches and the token is inside its nbf/exp window (when it has one).
create function verify(token text, secret text, algorithm text default 'HS256')
returns table (header json, payload json, valid boolean) language sql immutable set search_path from current as $$
  select convert_from(url_decode(r[1]), 'utf8')::json,
         convert_from(url_decode(r[2]), 'utf8')::json,
         r[3] = algorithm_sign(r[1] || '.' || r[2], secret, algorithm)
           and coalesce(to_timestamp(try_cast_double(convert_from(url_decode(r[2]), 'utf8')::json ->> 'exp')) > now(), true)
           and coalesce(to_timestamp(try_cast_double(convert_from(url_decode(r[2]), 'utf8')::json ->> 'nbf')) <= now(), true)
  from regexp_split_to_array(token, '\.') r
$$;
