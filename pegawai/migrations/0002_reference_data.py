from django.db import migrations


def load(apps, schema_editor):
    from pegawai.reference import GOLONGAN_PNS, GOLONGAN_PPPK

    Golongan = apps.get_model("pegawai", "Golongan")
    for jenis, rows in (("PNS", GOLONGAN_PNS), ("PPPK", GOLONGAN_PPPK)):
        for kode, pangkat, urutan in rows:
            Golongan.objects.update_or_create(jenis=jenis, kode=kode, defaults={"pangkat": pangkat, "urutan": urutan})
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="HR")


def unload(apps, schema_editor):
    apps.get_model("pegawai", "Golongan").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(load, unload)]
