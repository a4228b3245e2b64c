from django.db import migrations


def load(apps, schema_editor):
    from penilaian.reference import BERAKHLAK, FRASA_EKSPEKTASI, FRASA_UMPAN_BALIK_HASIL, FRASA_UMPAN_BALIK_PERILAKU

    PerilakuKerja = apps.get_model("penilaian", "PerilakuKerja")
    IndikatorPerilaku = apps.get_model("penilaian", "IndikatorPerilaku")
    FrasaEkspektasi = apps.get_model("penilaian", "FrasaEkspektasi")
    FrasaUmpanBalik = apps.get_model("penilaian", "FrasaUmpanBalik")
    for urutan, (kode, nama, makna, indikator) in enumerate(BERAKHLAK, start=1):
        perilaku, _ = PerilakuKerja.objects.update_or_create(
            kode=kode, defaults={"urutan": urutan, "nama": nama, "makna": makna}
        )
        for i, teks in enumerate(indikator, start=1):
            IndikatorPerilaku.objects.update_or_create(perilaku=perilaku, urutan=i, defaults={"teks": teks})
        for teks in FRASA_EKSPEKTASI.get(kode, []):
            FrasaEkspektasi.objects.get_or_create(perilaku=perilaku, teks=teks)
        for teks in FRASA_UMPAN_BALIK_PERILAKU.get(kode, []):
            FrasaUmpanBalik.objects.get_or_create(perilaku=perilaku, teks=teks)
    for teks in FRASA_UMPAN_BALIK_HASIL:
        FrasaUmpanBalik.objects.get_or_create(perilaku=None, teks=teks)


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
