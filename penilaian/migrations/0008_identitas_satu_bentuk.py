"""Frozen identity blocks in the one shape of ``pegawai.identitas`` (issue 13).

Before, the SKP snapshot held ``pangkat`` = str(Golongan) ("Penata, III/c" / "Golongan IX") and
``unit_kerja``; the evaluation snapshot held ``pangkat`` (pangkat only, empty for a PPPK) and
``golongan`` apart, plus copies of jabatan/golongan/unit at the top. Now every person in every snapshot
is ``{id, nama, nip, pangkat_golongan, jabatan, unit, instansi}``: "Penata, III/c" for a PNS and "IX"
for a PPPK (domain.md §7.3, §7.6). Applies to Skp.snapshot, Penilaian.snapshot and the identity kept in
SkpVersi.data. The conversion is written out here (not imported) so later code changes cannot alter it.
"""
from django.db import migrations

PERAN = ("pegawai", "penilai", "atasan_penilai")
BATCH = 500


def _orang(o: dict, instansi_of: dict) -> dict:
    if not isinstance(o, dict) or not o or "pangkat_golongan" in o:
        return o
    pangkat, gol = o.get("pangkat") or "", o.get("golongan") or ""
    if gol:  # evaluation shape: pangkat and golongan apart, pangkat empty for a PPPK
        pg = f"{pangkat}, {gol}" if pangkat else gol
    elif pangkat.startswith("Golongan "):  # SKP shape for a PPPK: str(Golongan) = "Golongan IX"
        pg = pangkat[len("Golongan "):]
    else:  # SKP shape for a PNS: already "Penata, III/c"
        pg = pangkat
    baru = {k: v for k, v in o.items() if k not in ("pangkat", "golongan", "unit_kerja")}
    baru.update(pangkat_golongan=pg, unit=o.get("unit_kerja") or "",
                instansi=o.get("instansi") or instansi_of.get(o.get("id"), ""))
    return baru


def _blok(snap, instansi_of: dict):
    if not isinstance(snap, dict) or not snap:
        return snap
    return {peran: _orang(snap[peran], instansi_of) for peran in PERAN if peran in snap}


def _ids(snap) -> set:
    if not isinstance(snap, dict):
        return set()
    return {o.get("id") for o in snap.values() if isinstance(o, dict) and o.get("id")}


def _ubah(model, field, instansi_of, *, kunci=None):
    """Rewrite ``field`` (or ``field[kunci]``) of every row, in batches of primary keys (no write while a
    cursor is open: SQLite would not like it)."""
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(pks), BATCH):
        ubah = []
        for row in model.objects.filter(pk__in=pks[i:i + BATCH]).only("pk", field):
            nilai = getattr(row, field)
            if kunci is not None:
                if not isinstance(nilai, dict) or not nilai.get(kunci):
                    continue
                baru = {**nilai, kunci: _blok(nilai[kunci], instansi_of)}
            else:
                baru = _blok(nilai, instansi_of)
            if baru != nilai:
                setattr(row, field, baru)
                ubah.append(row)
        if ubah:
            model.objects.bulk_update(ubah, [field])


def forwards(apps, schema_editor):
    Skp = apps.get_model("penilaian", "Skp")
    Penilaian = apps.get_model("penilaian", "Penilaian")
    SkpVersi = apps.get_model("penilaian", "SkpVersi")
    Pegawai = apps.get_model("pegawai", "Pegawai")
    # Old snapshots did not hold the instansi: take today's, the instansi of a pegawai rarely changes.
    instansi_of = dict(Pegawai.objects.values_list("pk", "unit_kerja__instansi__nama"))
    _ubah(Skp, "snapshot", instansi_of)
    _ubah(Penilaian, "snapshot", instansi_of)
    _ubah(SkpVersi, "data", instansi_of, kunci="identitas")


class Migration(migrations.Migration):

    dependencies = [
        ('penilaian', '0007_batas_angka_wajar'),
        ('pegawai', '0002_reference_data'),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
