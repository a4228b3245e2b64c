"""Existing peer input under the release rules (domain.md §6).

- A cohort with at least 3 answers is marked released (no more answers or invitations); its answer
  rows are kept but rewritten in one shuffled batch with new random ids, so that their physical
  order and PostgreSQL ``xmin`` no longer follow the order in which peers answered.
- A cohort with 1 or 2 answers stays open: its answers move to the sealed store until release.
- The old "rekan.menjawab" audit entries (peer + time of answering) are deleted.
"""
import random
import uuid

from django.db import migrations


def forwards(apps, schema_editor):
    from penilaian.rekan.segel import segel

    MasukanRekan = apps.get_model("penilaian", "MasukanRekan")
    Tersegel = apps.get_model("penilaian", "MasukanRekanTersegel")
    Rilis = apps.get_model("penilaian", "RilisMasukanRekan")
    Undangan = apps.get_model("penilaian", "UndanganRekan")
    AuditLog = apps.get_model("kinerja", "AuditLog")
    rng = random.SystemRandom()
    for penilaian_id in set(MasukanRekan.objects.values_list("penilaian_id", flat=True)):
        rows = list(MasukanRekan.objects.filter(penilaian_id=penilaian_id).values_list("jawaban", "komentar"))
        MasukanRekan.objects.filter(penilaian_id=penilaian_id).delete()
        rng.shuffle(rows)
        if len(rows) >= 3:
            MasukanRekan.objects.bulk_create([MasukanRekan(id=uuid.uuid4(), penilaian_id=penilaian_id, jawaban=j,
                                                           komentar=k) for j, k in rows])
            Rilis.objects.create(penilaian_id=penilaian_id, jumlah_jawaban=len(rows))
        else:
            Tersegel.objects.bulk_create([
                Tersegel(id=uuid.uuid4(), penilaian_id=penilaian_id,
                         sandi=segel(penilaian_id=penilaian_id, jawaban=j, komentar=k)) for j, k in rows])
        # A new row version for every invitation: their xmin no longer tells who answered when.
        Undangan.objects.filter(penilaian_id=penilaian_id, sudah_menjawab=True).update(sudah_menjawab=True)
    AuditLog.objects.filter(aksi="rekan.menjawab").delete()


def backwards(apps, schema_editor):
    from penilaian.rekan.segel import buka

    MasukanRekan = apps.get_model("penilaian", "MasukanRekan")
    Tersegel = apps.get_model("penilaian", "MasukanRekanTersegel")
    for t in Tersegel.objects.all():
        jawaban, komentar = buka(penilaian_id=t.penilaian_id, sandi=t.sandi)
        MasukanRekan.objects.create(id=uuid.uuid4(), penilaian_id=t.penilaian_id, jawaban=jawaban, komentar=komentar)
    Tersegel.objects.all().delete()
    apps.get_model("penilaian", "RilisMasukanRekan").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("penilaian", "0004_masukan_rekan_tersegel_rilis"),
        ("kinerja", "0002_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
