"""Trigram (pg_trgm) GIN indexes for the name and NIP search, on PostgreSQL only.

The employee list searches ``nama__icontains`` / ``nip__contains`` (and ``nip__startswith``), which
Django writes as ``UPPER(col::text) LIKE UPPER('%…%')`` or ``col::text LIKE '…%'``: a B-tree cannot
serve either, so each search scanned the table. A GIN index over the same expressions with
``gin_trgm_ops`` can. SQLite has no such index: there the migration does nothing.
"""
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "pegawai_nama_trgm": 'UPPER("nama"::text) gin_trgm_ops',
    "pegawai_nip_trgm": '"nip" gin_trgm_ops',  # nip__contains and nip__startswith
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("pegawai", "Pegawai")._meta.db_table)
    for name, expr in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expr})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0010_daftar_index")]

    operations = [
        TrigramExtension(),  # CREATE EXTENSION IF NOT EXISTS pg_trgm; skipped on other databases
        migrations.RunPython(create, drop),
    ]
