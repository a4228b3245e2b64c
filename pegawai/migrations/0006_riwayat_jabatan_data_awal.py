"""One current riwayat jabatan row per existing pegawai, from their master data (bulk, in batches).

The real TMT of the post held today is not recorded anywhere, so the row starts on 1 January of the
year the migration runs (the first day an SKP of this year can have); earlier documents keep reading
their SKP's own jabatan/unit (pegawai.identitas).
"""
from datetime import date

from django.db import migrations

BATCH = 2000


def forwards(apps, schema_editor):
    Pegawai = apps.get_model("pegawai", "Pegawai")
    Riwayat = apps.get_model("pegawai", "RiwayatJabatan")
    tmt = date(date.today().year, 1, 1)
    ada = set(Riwayat.objects.filter(tanggal_selesai__isnull=True).values_list("pegawai_id", flat=True))
    rows = Pegawai.objects.order_by("pk").values_list("pk", "jabatan_id", "jabatan__jenjang", "unit_kerja_id",
                                                      "golongan_id", "atasan_id")
    batch = []
    for pk, jabatan_id, jenjang, unit_id, golongan_id, atasan_id in rows.iterator(chunk_size=BATCH):
        if pk in ada:
            continue
        batch.append(Riwayat(pegawai_id=pk, jenis="DATA_AWAL", jabatan_id=jabatan_id, jenjang=jenjang or "",
                             unit_kerja_id=unit_id, golongan_id=golongan_id, atasan_id=atasan_id, tmt=tmt))
        if len(batch) >= BATCH:
            Riwayat.objects.bulk_create(batch)
            batch = []
    Riwayat.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    apps.get_model("pegawai", "RiwayatJabatan").objects.filter(jenis="DATA_AWAL").delete()


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0005_riwayat_jabatan")]

    operations = [migrations.RunPython(forwards, backwards)]
