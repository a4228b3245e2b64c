"""Evaluation views, split by actor: HR periods and completion, the pegawai's input, the penilai's side."""
from .atasan import bawahan, finalisasi, kembalikan, rating, umpan_balik  # noqa: F401
from .hr import rekap  # noqa: F401
from .pegawai import (  # noqa: F401
    ajukan,
    buka,
    bukti_berkas,
    bukti_hapus,
    bukti_tambah,
    detail,
    isian,
    saya,
)
from .periode import buka_kunci, periode_edit, periode_list, periode_set  # noqa: F401
