"""The bench's final table: every figure beside its target (issue 18), with a ✓ or ✗."""
from .halaman import TARGET_KB, TARGET_KUERI, TARGET_MS

TANDA = {True: "✓", False: "✗", None: "-"}


def _baris(log, nama: str, nilai: str, target: str, lulus: bool | None) -> None:
    log(f"{nama:<58} {nilai:>22} {target:>14} {TANDA[lulus]:>2}")


def halaman(rows: list[dict], *, log=print) -> None:
    log(f"\n{'Peran':<22} {'Halaman':<34} {'median':>7} {'p95 ms':>7} {'kueri':>5} {'KB':>6}")
    log(f"{'':<22} {'target':<34} {'':>7} {'<' + str(TARGET_MS):>7} {'≤' + str(TARGET_KUERI):>5} "
        f"{'≤' + str(TARGET_KB):>6}")
    for r in sorted(rows, key=lambda r: -r["p95_ms"]):
        log(f"{r['peran'][:22]:<22} {r['halaman'][:34]:<34} {r['median_ms']:>7.0f} {r['p95_ms']:>7.0f} "
            f"{r['kueri']:>5} {r['kb']:>6.0f} {TANDA[r['lulus']]}")


def ringkasan(h: dict, *, log=print) -> None:
    """``h``: the JSON the command writes (seed, halaman, beban, pdf)."""
    log(f"\n{'Ukuran':<58} {'hasil':>22} {'target':>14}")
    seed = h.get("seed_detik")
    skala = h["pegawai"] / 50_000
    if seed:
        _baris(log, f"Seed {h['pegawai']:,} pegawai, setahun data", f"{seed:.0f} s", f"<{180 * skala:.0f} s",
               seed < 180 * max(skala, 0.05))
    rows = h.get("halaman", [])
    if rows:
        lulus = sum(r["lulus"] for r in rows)
        worst = max(rows, key=lambda r: r["p95_ms"])
        _baris(log, "Halaman daftar/dasbor (peran × halaman) memenuhi target", f"{lulus}/{len(rows)}",
               f"{len(rows)}/{len(rows)}", lulus == len(rows))
        _baris(log, f"p95 terburuk: {worst['peran'][:14]}, {worst['halaman'][:24]}", f"{worst['p95_ms']:.0f} ms",
               f"<{TARGET_MS} ms", worst["p95_ms"] < TARGET_MS)
        _baris(log, "Kueri terbanyak", str(max(r["kueri"] for r in rows)), f"≤{TARGET_KUERI}",
               max(r["kueri"] for r in rows) <= TARGET_KUERI)
        _baris(log, "HTML terbesar", f"{max(r['kb'] for r in rows):.0f} KB", f"≤{TARGET_KB} KB",
               max(r["kb"] for r in rows) <= TARGET_KB)
    for t in h.get("tulisan", []):
        _baris(log, f"Tulis {t['tulisan']} (in-process, median)", f"{t['median_ms']:.0f} ms, {t['kueri']} kueri",
               "beberapa ms", None)
    beban = h.get("beban")
    if beban:
        tulis = {k: v for k, v in beban.items() if k not in ("Aggregated",) and not k.startswith(("login", "evaluasi"))}
        n, gagal = sum(v["n"] for v in tulis.values()), sum(v["gagal"] for v in tulis.values())
        p95 = max((v["p95_ms"] for v in tulis.values()), default=0)
        rps = sum(v["rps"] for v in tulis.values())
        _baris(log, f"Beban: {h['pengguna']} pengguna, {n:,} tulis ({rps:.0f}/s), galat", str(gagal), "0",
               gagal == 0 and n > 0)
        _baris(log, "Beban: p95 tulis terburuk", f"{p95:.0f} ms", "<500 ms", p95 < 500 and n > 0)
        for k, v in sorted(tulis.items()):
            _baris(log, f"  {k}", f"p50 {v['median_ms']:.0f} / p95 {v['p95_ms']:.0f} ms", "<500 ms",
                   v["p95_ms"] < 500)
    elif "beban_lewati" in h:
        _baris(log, f"Beban: dilewati ({h['beban_lewati']})", "-", "-", None)
    pdf = h.get("pdf_satu", {})
    if "median_ms" in pdf:
        _baris(log, "Satu Dokumen Evaluasi (median)", f"{pdf['median_ms']:.0f} ms", "<500 ms",
               pdf["median_ms"] < 500)
    massal = h.get("pdf_massal", {})
    if "detik" in massal:
        skala = massal["dokumen"] / 1000
        _baris(log, f"Cetak massal {massal['dokumen']:,} dokumen, 2 proses ({massal['status']})",
               f"{massal['detik']:.0f} s", f"<{180 * skala:.0f} s", massal["detik"] < 180 * max(skala, 0.01))
    elif "lewati" in massal:
        _baris(log, f"Cetak massal: dilewati ({massal['lewati']})", "-", "-", None)
