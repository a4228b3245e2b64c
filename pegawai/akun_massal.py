"""Logins for a whole import batch in one action, with printable credential slips (issue: HR at scale).

Rules (as ``services_akun.akun_issue_password`` for one account):
- username = NIP, a temporary password that expires after ``KINERJA["SANDI_SEMENTARA_JAM"]`` hours and
  must be changed at the first login (``kinerja.middleware.SandiSementaraMiddleware``);
- only active pegawai without a login get one; a NIP already used as a username is skipped and reported;
- the passwords exist in clear only in memory, long enough to print the slips once; the database keeps
  their hashes; every created account is audited (``pegawai.account_created``).
At most ``BATAS_PER_AKSI`` accounts per action: hashing a password is deliberately slow (PBKDF2), so a
batch stays well inside a request's time; HR presses again for the rest.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from kinerja.models import AuditLog

from .models import Pegawai, User
from .services_akun import _kata_sandi_sementara

BATAS_PER_AKSI = 200


@dataclass(frozen=True)
class SlipAkun:
    nama: str
    nip: str
    unit: str
    kata_sandi: str
    berlaku_sampai: datetime


def pegawai_tanpa_akun(pegawai_qs: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    return pegawai_qs.filter(aktif=True, user__isnull=True)


@transaction.atomic
def akun_create_bulk(*, pegawai_qs: QuerySet[Pegawai], oleh) -> tuple[list[SlipAkun], list[str]]:
    """Create the logins of the pegawai in ``pegawai_qs`` who have none (at most ``BATAS_PER_AKSI``).

    Returns the slips (with the temporary passwords, to print now) and the NIPs skipped because their
    username is taken. A fixed number of queries whatever the batch size.
    """
    calon = list(
        pegawai_tanpa_akun(pegawai_qs).select_related("unit_kerja__parent").select_for_update(of=("self",))
        .order_by("unit_kerja__kode", "nama", "pk")[:BATAS_PER_AKSI]
    )
    if not calon:
        return [], []
    dipakai = set(User.objects.filter(username__in=[p.nip for p in calon]).values_list("username", flat=True))
    sampai = timezone.now() + timedelta(hours=settings.KINERJA["SANDI_SEMENTARA_JAM"])
    baru, slips = [], []
    for p in calon:
        if p.nip in dipakai:
            continue
        sandi = _kata_sandi_sementara()
        user = User(username=p.nip, first_name=p.nama[:150], email=p.email, sandi_sementara_sampai=sampai)
        user.set_password(sandi)
        baru.append((p, user))
        slips.append(SlipAkun(p.nama_lengkap, p.nip, p.unit_kerja.label_lengkap, sandi, sampai))
    User.objects.bulk_create([u for _p, u in baru], batch_size=500)
    ids = dict(User.objects.filter(username__in=[u.username for _p, u in baru]).values_list("username", "pk"))
    for p, u in baru:
        p.user_id = ids[u.username]
    Pegawai.objects.bulk_update([p for p, _u in baru], ["user"], batch_size=500)
    from penilaian.ringkasan import tandai_unit

    tandai_unit(*{p.unit_kerja_id for p, _u in baru})  # Beranda HR counts those without an account
    aktor = oleh if getattr(oleh, "is_authenticated", False) else None
    ct = ContentType.objects.get_for_model(Pegawai)
    AuditLog.objects.bulk_create([
        AuditLog(aktor=aktor, aksi="pegawai.account_created", content_type=ct, object_id=str(p.pk),
                 objek_repr=str(p)[:255],
                 data={"username": u.username, "berlaku_sampai": sampai.isoformat(), "massal": True})
        for p, u in baru
    ], batch_size=500)
    return slips, sorted(dipakai)


def render_slip_pdf(slips: list[SlipAkun], *, instansi, lang: str | None = None) -> bytes:
    """One A4 page holds several slips, each cut along its border; nothing of it is kept."""
    from penilaian.pdf import _render, html_to_pdf

    return html_to_pdf(_render("pdf/slip_akun.html", {"slips": slips, "instansi": instansi}, lang))
