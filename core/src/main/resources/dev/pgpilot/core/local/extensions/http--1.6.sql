-- pgpilot's local stand-in for pgsql-http: the types and function signatures, so functions and
-- triggers that call http_get() or http_post() can be created; calling one raises an error.
create domain http_method as text;
create domain content_type as text check (value ~ '^\S+\/\S+');
create type http_header as (field varchar, value varchar);
create type http_request as (method http_method, uri varchar, headers http_header[], content_type varchar, content varchar);
create type http_response as (status integer, content_type varchar, headers http_header[], content varchar);
create function http_header(field varchar, value varchar) returns http_header language sql immutable as $$
  select row(field, value)::http_header
$$;
create function http(request http_request) returns http_response language plpgsql as $$
begin
  raise exception 'http: % % was not sent: the http extension is a pgpilot local stand-in', (request).method, (request).uri
    using errcode = 'feature_not_supported', hint = 'the local database makes no HTTP calls; run this against Supabase';
end $$;
create function http_get(uri varchar) returns http_response language sql as $$
  select http(row('GET', uri, null, null, null)::http_request)
$$;
create function http_get(uri varchar, data jsonb) returns http_response language sql as $$
  select http(row('GET', uri, null, null, null)::http_request)
$$;
create function http_post(uri varchar, content varchar, content_type varchar) returns http_response language sql as $$
  select http(row('POST', uri, null, content_type, content)::http_request)
$$;
create function http_post(uri varchar, data jsonb) returns http_response language sql as $$
  select http(row('POST', uri, null, 'application/x-www-form-urlencoded', data::text)::http_request)
$$;
create function http_put(uri varchar, content varchar, content_type varchar) returns http_response language sql as $$
  select http(row('PUT', uri, null, content_type, content)::http_request)
$$;
create function http_patch(uri varchar, content varchar, content_type varchar) returns http_response language sql as $$
  select http(row('PATCH', uri, null, content_type, content)::http_request)
$$;
create function http_delete(uri varchar) returns http_response language sql as $$
  select http(row('DELETE', uri, null, null, null)::http_request)
$$;
create function http_delete(uri varchar, content varchar, content_type varchar) returns http_response language sql as $$
  select http(row('DELETE', uri, null, content_type, content)::http_request)
$$;
create function http_head(uri varchar) returns http_response language sql as $$
  select http(row('HEAD', uri, null, null, null)::http_request)
$$;
create function http_set_curlopt(curlopt varchar, value varchar) returns boolean language sql as $$ select true $$;
create function http_reset_curlopt() returns boolean language sql as $$ select true $$;
-- urlencode needs no network, so it is the real thing: RFC 3986 unreserved characters stay, the rest is %XX.
create function urlencode(string varchar) returns text language plpgsql immutable strict as $$
declare
  bytes bytea := convert_to(string, 'UTF8');
  encoded text := '';
  c integer;
begin
  for i in 0 .. length(bytes) - 1 loop
    c := get_byte(bytes, i);
    if c < 128 and chr(c) ~ '[A-Za-z0-9_.~-]' then
      encoded := encoded || chr(c);
    else
      encoded := encoded || '%' || upper(lpad(to_hex(c), 2, '0'));
    end if;
  end loop;
  return encoded;
end $$;
create function urlencode(data jsonb) returns text language sql immutable strict as $$
  select string_agg(urlencode(key) || '=' || urlencode(value), '&') from jsonb_each_text(data)
$$;
