#!/usr/bin/env python3
"""Writes one migration of about SIZE_MB megabytes: a table, then one INSERT per line (the shape of a
data dump run as a migration). Usage: gen-inserts.py FILE [SIZE_MB=50]"""
import sys

path = sys.argv[1]
limit = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 50_000_000
with open(path, "w") as out:
    out.write("create table public.bulk_rows (id bigint primary key, email text not null, name text, score numeric(10,2), created_at timestamptz not null);\n")
    size, i = 0, 0
    while size < limit:
        i += 1
        line = (f"insert into public.bulk_rows values "
                f"({i}, 'user{i}@example.com', 'User {i}', {i % 10000}.{i % 100:02d}, '2026-01-01T00:00:00Z');\n")
        out.write(line)
        size += len(line)
print(i)
