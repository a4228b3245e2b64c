"""Load the reference lists of domain.md §8.2 (jalur, bentuk, jenis pengembangan, rumpun kompetensi)."""
from django.db import migrations


def forwards(apps, schema_editor):
    from pelatihan.reference import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("pelatihan", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
