"""Who may be a Pejabat Penilai Kinerja (PermenPANRB 6/2022 Pasal 1; domain.md §1.2, §11.1).

"atasan langsung Pegawai dengan ketentuan **paling rendah pejabat pengawas** atau pejabat lain yang diberi
pendelegasian kewenangan". The jabatan manajerial levels are those of UU 20/2023 (domain.md §7.4):
JPT Utama/Madya/Pratama, Administrator, Pengawas. Below them are Fungsional and Pelaksana.

Our reading (cite this module):
- a **non-ASN** official at the top of the chain (Kepala Daerah, Menteri) qualifies: they are the
  regulation's penilai for the JPT below them (§11.1);
- a **Plt/Plh** decides in the acting post (a unit head's post, §7.5), so the acting post counts;
- anyone else below pengawas qualifies only with a **recorded delegation** (``DelegasiPenilai``);
- no jabatan recorded: treated as below pengawas (HR is warned, nothing is refused).
"""

# Jabatan.Jenis values at or above pejabat pengawas (domain.md §7.4).
PALING_RENDAH_PENGAWAS = frozenset({"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"})


def penilai_memenuhi_syarat(*, jenis_jabatan: str | None, non_asn: bool = False, plt: bool = False,
                            delegasi: bool = False) -> bool:
    """True when someone of ``jenis_jabatan`` may be the Pejabat Penilai Kinerja (Pasal 1)."""
    if non_asn or plt or delegasi:
        return True
    return (jenis_jabatan or "") in PALING_RENDAH_PENGAWAS
