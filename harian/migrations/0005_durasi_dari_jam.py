from django.db import migrations, models


class Migration(migrations.Migration):
    """After 0004 has turned every duration into times: the duration becomes a property of the model."""

    dependencies = [
        ('harian', '0004_bentuk_2026'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='kegiatanharian',
            name='harian_durasi_wajar',
        ),
        migrations.RemoveField(
            model_name='kegiatanharian',
            name='durasi_menit',
        ),
        migrations.AddConstraint(
            model_name='kegiatanharian',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('jam_mulai__isnull', True), ('jam_selesai__isnull', True)), models.Q(('jam_mulai__isnull', False), ('jam_selesai__gt', models.F('jam_mulai')), ('jam_selesai__isnull', False)), _connector='OR'), name='harian_jam_urut'),
        ),
    ]
