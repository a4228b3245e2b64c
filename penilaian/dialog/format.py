"""The two forms that follow a bimbingan kinerja session, as data (PermenPANRB 6/2022 lampiran,
domain.md §3.2 and §11.1). No ORM.

**B.1.8 "Umpan Balik Pelaksanaan Bimbingan Kinerja"**: the pegawai answers nine statements and signs.
Statements 1 and 2 are verbatim as quoted in domain.md §3.2 (source there: the lampiran, pages 83–84,
anyflip.com/lzmue/eyhs). The other seven are our wording of the same form's subject (the session's
attention, clarity, solutions and follow-up); no stored copy of the lampiran gave them verbatim, so
they must be checked against the printed lampiran before an instansi relies on their exact text.
Each statement is answered on a 1–5 agreement scale (our reading: the format asks for agreement).

**B.1.9 "Evaluasi Kompetensi Pegawai sebagai Tindak Lanjut Bimbingan Kinerja"**: the pimpinan (or
"pihak lain yang diberikan penugasan khusus") scores competencies on a **skala 1–5** with a reason.
The competencies are the three rumpun of domain.md §8.1 (teknis, manajerial, sosial kultural).
"""
from django.utils.translation import gettext_lazy as _

PERNYATAAN_B18: tuple[tuple[str, str], ...] = (
    ("P1", _("Saya merasa diperhatikan dan dipahami")),
    ("P2", _("Saya merasa dibantu dalam mencari solusi dan aksi tindak lanjut")),
    ("P3", _("Saya merasa diberi kesempatan yang cukup untuk menyampaikan pendapat")),
    ("P4", _("Saya memahami ekspektasi pimpinan terhadap kinerja saya")),
    ("P5", _("Saya memahami kelebihan dan hal yang perlu saya tingkatkan")),
    ("P6", _("Saya merasa bimbingan dilaksanakan dengan saling menghargai")),
    ("P7", _("Saya merasa termotivasi untuk meningkatkan kinerja")),
    ("P8", _("Saya memahami aksi tindak lanjut yang disepakati dan tenggatnya")),
    ("P9", _("Saya merasa bimbingan kinerja ini bermanfaat bagi pengembangan saya")),
)

SKALA_SETUJU: tuple[tuple[int, str], ...] = (
    (1, _("Sangat tidak setuju")),
    (2, _("Tidak setuju")),
    (3, _("Ragu-ragu")),
    (4, _("Setuju")),
    (5, _("Sangat setuju")),
)

KOMPETENSI_B19: tuple[tuple[str, str], ...] = (
    ("TEKNIS", _("Kompetensi teknis")),
    ("MANAJERIAL", _("Kompetensi manajerial")),
    ("SOSIAL_KULTURAL", _("Kompetensi sosial kultural")),
)

SKALA_MIN, SKALA_MAKS = 1, 5


def skala_valid(nilai) -> bool:
    """B.1.9 and B.1.8 answers are whole numbers 1–5."""
    return isinstance(nilai, int) and not isinstance(nilai, bool) and SKALA_MIN <= nilai <= SKALA_MAKS


def nama_kompetensi(kode: str) -> str:
    return str(dict(KOMPETENSI_B19).get(kode, kode))
