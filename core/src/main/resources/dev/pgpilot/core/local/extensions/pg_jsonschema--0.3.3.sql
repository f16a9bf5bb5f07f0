-- pgpilot's local stand-in for pg_jsonschema: a small JSON Schema check written in plpgsql. It
-- understands type, required, properties, additionalProperties: false, items, enum and const;
-- every other keyword (formats, patterns, $ref, bounds...) is accepted without being checked.
create function jsonschema_matches(schema jsonb, instance jsonb) returns boolean language plpgsql immutable as $$
declare
  t text := jsonb_typeof(instance);
  want jsonb := schema -> 'type';
  k text;
begin
  if jsonb_typeof(schema) = 'boolean' then
    return schema::text::boolean;
  end if;
  if want is not null and not exists (
      select from jsonb_array_elements_text(case jsonb_typeof(want) when 'array' then want else jsonb_build_array(want) end) w
      where w = t or (w = 'integer' and t = 'number' and instance::text::numeric % 1 = 0)) then
    return false;
  end if;
  if schema ? 'enum' and not exists (select from jsonb_array_elements(schema -> 'enum') e where e = instance) then
    return false;
  end if;
  if schema ? 'const' and schema -> 'const' <> instance then
    return false;
  end if;
  if t = 'object' then
    if schema ? 'required' and exists (select from jsonb_array_elements_text(schema -> 'required') r where not instance ? r) then
      return false;
    end if;
    for k in select jsonb_object_keys(instance) loop
      if schema -> 'properties' ? k then
        if not jsonschema_matches(schema -> 'properties' -> k, instance -> k) then return false; end if;
      elsif schema -> 'additionalProperties' = 'false'::jsonb then
        return false;
      elsif jsonb_typeof(schema -> 'additionalProperties') = 'object' then
        if not jsonschema_matches(schema -> 'additionalProperties', instance -> k) then return false; end if;
      end if;
    end loop;
  end if;
  if t = 'array' and jsonb_typeof(schema -> 'items') = 'object' then
    if exists (select from jsonb_array_elements(instance) e where not jsonschema_matches(schema -> 'items', e)) then
      return false;
    end if;
  end if;
  return true;
end $$;
create function jsonb_matches_schema(schema json, instance jsonb) returns boolean language sql immutable strict as $$
  select jsonschema_matches(schema::jsonb, instance)
$$;
create function json_matches_schema(schema json, instance json) returns boolean language sql immutable strict as $$
  select jsonschema_matches(schema::jsonb, instance::jsonb)
$$;
create function jsonschema_is_valid(schema json) returns boolean language sql immutable strict as $$
  select jsonb_typeof(schema::jsonb) in ('object', 'boolean')
$$;
create function jsonschema_validation_errors(schema json, instance json) returns text[] language sql immutable strict as $$
  select case when jsonschema_matches(schema::jsonb, instance::jsonb) then '{}'::text[]
              else array['instance does not match the schema'] end
$$;
