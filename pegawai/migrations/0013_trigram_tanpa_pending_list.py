"""The trigram GIN indexes without a pending list (``fastupdate = off``), on PostgreSQL only.

With the default ``fastupdate``, new entries wait in an unsorted pending list until VACUUM merges them, and
every lookup through the index reads the whole list. The planner also serves ``nip IN (…)`` through
``pegawai_nip_trgm`` (gin_trgm_ops supports equality), so after a bulk import (or a rolled-back one) the
import's NIP checks read tens of thousands of pending entries per value: 83 s for one query of 1,000 NIPs.
Written straight into the index, an insert costs a little more and a lookup stays a tree search.
"""
from django.db import migrations

INDEXES = ("pegawai_nama_trgm", "pegawai_nip_trgm")


def tanpa_pending(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")


def dengan_pending(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0012_indeks_status_unit_aktif")]

    operations = [migrations.RunPython(tanpa_pending, dengan_pending)]
