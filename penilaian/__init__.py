"""SKP, periods and evaluations, peer input, distribution and keberatan (domain.md §1–§6).

Dependency direction: ``pelatihan`` depends on ``penilaian`` (``evaluasi.selectors.predikat_tahunan``,
``tindak_lanjut``, ``angka_kredit``), never the reverse, with exactly three upward calls from here:
``notifikasi.services.notify()`` (skp, evaluasi, rekan services, on commit) and the §5.2 trigger
``pelatihan.services.tindak_lanjut_predikat_tahunan`` (on commit, from ``evaluasi.services`` when an annual
evaluation is finalised and from ``rekan.keberatan`` when a keberatan changes its predikat), and
``dialog.services.aksi_to_rencana`` (an agreed bimbingan/check-in action becomes a development-plan item
through ``pelatihan.services.item_save``).
"""
