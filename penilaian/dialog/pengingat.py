"""Check-in reminders through the existing reminder rows (``notifikasi.pengingat``, style.md §5): one
H-1 row per person and check-in (the unique row makes a second run a no-op), for the pegawai and the
penilai who scheduled it, on the day before and on the day itself."""
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from penilaian.models import CheckIn


def checkin_due(instansi, *, today: date) -> list:
    from notifikasi.models import Pengingat
    from notifikasi.selectors import Kandidat

    rows = (CheckIn.objects.filter(status=CheckIn.Status.DIJADWALKAN,
                                   penilaian__periode__instansi=instansi,
                                   jadwal__date__gte=today, jadwal__date__lte=today + timedelta(days=1))
            .values_list("pk", "jadwal", "penilaian__periode_id", "penilaian__skp__pegawai__user_id",
                         "penilaian__skp__pegawai__nama", "dibuat_oleh__user_id"))
    hasil = []
    for pk, jadwal, periode_id, pegawai_user, nama, penilai_user in rows:
        teks = f"Dialog kinerja {nama}, {timezone.localtime(jadwal):%d-%m-%Y %H:%M}"
        url = reverse("penilaian:dialog-checkin", args=[pk])
        for penerima in {pegawai_user, penilai_user} - {None}:
            hasil.append(Kandidat(penerima, Pengingat.Jenis.CHECKIN, Pengingat.Tahap.H1, periode_id, CheckIn, pk,
                                  teks[:255], url))
    return hasil
