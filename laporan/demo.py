"""seed_demo step ``laporan.demo``: the demo instansi's TPP rule table (an example Perkada, not a national
rule). Idempotent: one version from 1 January of last year, created once."""
from datetime import date
from decimal import Decimal

from django.utils import timezone

from .models import AturanTpp


def seed(instansi, *, rng=None, log=print) -> None:
    mulai = date(timezone.localdate().year - 1, 1, 1)
    _, baru = AturanTpp.objects.get_or_create(
        instansi=instansi, berlaku_mulai=mulai,
        defaults={
            "dasar_hukum": "Peraturan Wali Kota Nusa Asri tentang TPP (contoh demo)",
            "persen_sangat_baik": Decimal(100), "persen_baik": Decimal(100), "persen_butuh_perbaikan": Decimal(75),
            "persen_kurang": Decimal(50), "persen_sangat_kurang": Decimal(25), "persen_belum_dinilai": Decimal(0),
            "potongan_terlambat": Decimal("0.5"), "potongan_tidak_lapor": Decimal(2), "batas_potongan": Decimal(40),
            "toleransi_hari": 1,
        },
    )
    if baru:
        log(f"Aturan TPP demo berlaku mulai {mulai:%Y-%m-%d}.")
