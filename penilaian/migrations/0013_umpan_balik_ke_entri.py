"""Every existing umpan balik becomes the first entry of its target's log (nothing is lost: the text,
phrase, author and last-change time are copied; the current rows stay as they are)."""
from django.db import migrations


def salin(apps, schema_editor):
    UmpanBalik = apps.get_model("penilaian", "UmpanBalik")
    Entri = apps.get_model("penilaian", "UmpanBalikEntri")
    sudah = set(Entri.objects.filter(sumber="MIGRASI").values_list("penilaian_id", "rhk_id", "perilaku_id"))
    baru = []
    for ub in UmpanBalik.objects.all().iterator(chunk_size=2000):
        if (ub.penilaian_id, ub.rhk_id, ub.perilaku_id) in sudah or not (ub.frasa or ub.teks):
            continue
        baru.append(Entri(penilaian_id=ub.penilaian_id, rhk_id=ub.rhk_id, perilaku_id=ub.perilaku_id,
                          frasa=ub.frasa, teks=ub.teks, oleh_id=ub.oleh_id, dibuat_pada=ub.diubah_pada,
                          sumber="MIGRASI"))
        if len(baru) >= 2000:
            Entri.objects.bulk_create(baru)
            baru = []
    Entri.objects.bulk_create(baru)


def hapus(apps, schema_editor):
    apps.get_model("penilaian", "UmpanBalikEntri").objects.filter(sumber="MIGRASI").delete()


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0012_dialog_kinerja")]
    operations = [migrations.RunPython(salin, hapus)]
