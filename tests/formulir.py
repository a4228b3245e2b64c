"""The edit forms the save-back test walks (tests/test_e2e_simpan_ulang.py): per form its role, its page, its
submit button, the values typed for the round trip and, for a one-shot form, what must have been stored."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page

from pegawai.models import DelegasiPenilai, PenugasanPlt
from penilaian.models import (
    BukaKunci,
    MasukanRekan,
    PerilakuKerja,
    Skp,
)

TEKS = "Penyusunan “laporan” triwulan — seksi pelayanan & perizinan, ke-2 (Ré)"


@dataclass
class Isi:
    """One input of a form: how to type a value into it and how to read the shown value back."""

    selector: str
    value: str | bool
    kind: str = "text"  # text | number | date | select | check

    def fill(self, page: Page):
        el = page.locator(self.selector)
        if self.kind == "select":
            el.select_option(self.value)
        elif self.kind == "check":
            el.set_checked(bool(self.value))
        else:
            el.fill(self.value)

    def shown(self, page: Page):
        el = page.locator(self.selector)
        if self.kind == "check":
            return el.is_checked()
        value = el.input_value()
        return Decimal(value) if self.kind == "number" and value else value

    def expected(self):
        return Decimal(self.value) if self.kind == "number" and self.value else self.value


@dataclass
class Formulir:
    key: str
    role: str
    url: Callable
    submit: str
    isi: Callable  # d -> list[Isi] typed for (b)
    saved: str = ".alert-success[role=alert]"  # the message shown after a redirect
    htmx: bool = False
    stored: Callable | None = None  # one-shot create form: d -> None, asserts the stored row


def ub(target: str) -> str:
    return f"form.ub-form:has(input[name=target][value={target}])"


def hari(d, n: int) -> str:
    """Today + n days as an <input type=date> takes it."""
    return f"{d.today + timedelta(days=n):%Y-%m-%d}"


def kode_perilaku() -> list[str]:
    return list(PerilakuKerja.objects.order_by("urutan").values_list("kode", flat=True))


def jawaban_rekan() -> dict:
    return {kode: "DI_ATAS" if i % 2 else "SESUAI" for i, kode in enumerate(kode_perilaku())}


def set_periode_tersimpan(d):
    periode = d.org.instansi.periode.filter(tahun=d.year + 1)
    tujuh_hari = timedelta(days=7)
    assert [(p.jenis, p.batas_pengisian - p.tanggal_selesai) for p in periode] == [("SEMESTERAN", tujuh_hari)] * 2


FORMULIR = [
    Formulir(
        "skp-baru", "pegawai", lambda d: reverse("penilaian:skp-create"), "#tombol-simpan",
        lambda d: [Isi("#id_tahun", str(d.year - 1), "select"), Isi("#id_tanggal_mulai", f"{d.year - 1}-02-03", "date"),
                   Isi("#id_tanggal_selesai", f"{d.year - 1}-11-30", "date"),
                   Isi("#id_pendekatan", "KUALITATIF", "select")],
        stored=lambda d: Skp.objects.get(pegawai=d.org.pegawai, tahun=d.year - 1, pendekatan="KUALITATIF",
                                         tanggal_mulai=f"{d.year - 1}-02-03", tanggal_selesai=f"{d.year - 1}-11-30"),
    ),
    Formulir(
        "rhk", "pegawai", lambda d: reverse("penilaian:rhk-update", args=[d.draft_rhk.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_teks", TEKS), Isi("#id_jenis", "TAMBAHAN", "select"),
                   Isi("#id_klasifikasi", "INDIVIDU", "select"), Isi("#id_induk", "", "select"),
                   Isi("#id_penugasan_dari", "Kepala Dinas — lisan")],
    ),
    Formulir(
        "iki", "pegawai", lambda d: reverse("penilaian:iki-update", args=[d.draft_iki.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_teks", TEKS), Isi("#id_aspek", "WAKTU", "select"),
                   Isi("#id_target_angka", "12.5", "number"), Isi("#id_satuan", "laporan/bulan")],
    ),
    Formulir(
        "lampiran", "pegawai", lambda d: reverse("penilaian:skp-lampiran", args=[d.draft.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_dukungan_sumber_daya", TEKS), Isi("#id_konsekuensi", "Sanksi: 1,5 % tunjangan")],
    ),
    Formulir(
        "realisasi", "pegawai", lambda d: reverse("penilaian:evaluasi-detail", args=[d.eval_pegawai.pk]),
        "#simpan-isian", lambda d: [Isi(f"#id_ra_{d.rhk.pk}", TEKS), Isi(f"#id_real_{d.iki.pk}", "12.5", "number")],
    ),
    Formulir(
        "umpan-balik", "atasan", lambda d: reverse("penilaian:evaluasi-detail", args=[d.eval_staf.pk]),
        lambda d: f"{ub(f'rhk-{d.rhk_staf.pk}')} button[type=submit]",
        lambda d: [Isi(f"#ub-teks-rhk-{d.rhk_staf.pk}", TEKS)], saved=".ub-status .text-success", htmx=True,
    ),
    Formulir(
        "rating", "atasan", lambda d: reverse("penilaian:evaluasi-detail", args=[d.eval_staf.pk]), "#simpan-rating",
        lambda d: [Isi("#rh-DI_ATAS", True, "check"), Isi("#rp-DI_BAWAH", True, "check")],
        saved="#kartu-rating .alert-success", htmx=True,
    ),
    Formulir(
        "bimbingan", "atasan", lambda d: reverse("penilaian:dialog-bimbingan-ubah", args=[d.bimbingan.pk]),
        "#form-bimbingan button[type=submit]",
        lambda d: [Isi("#id_topik", TEKS), Isi("#id_tanggal", hari(d, -2), "date"), Isi("#id_catatan", TEKS),
                   Isi("#id_aksi-1-teks", "Membaca 12,5 halaman"), Isi("#id_aksi-1-tenggat", hari(d, 11), "date")],
    ),
    Formulir(
        "evaluasi-kompetensi", "atasan",
        lambda d: reverse("penilaian:dialog-bimbingan-evaluasi", args=[d.bimbingan.pk]),
        "#form-b19 button[type=submit]",
        lambda d: [Isi("#id_skala_TEKNIS", "4", "select"), Isi("#id_alasan_TEKNIS", TEKS),
                   Isi("#id_skala_MANAJERIAL", "5", "select"), Isi("#id_alasan_MANAJERIAL", "Tegas, 4,5")],
    ),
    Formulir(
        "jadwal-dialog", "atasan", lambda d: reverse("penilaian:dialog-checkin-ubah", args=[d.checkin.pk]),
        "#form-checkin button[type=submit]",
        lambda d: [Isi("#id_jadwal", f"{hari(d, 3)}T14:30", "date"), Isi("#id_agenda", TEKS)],
    ),
    Formulir(
        "notulen-dialog", "atasan", lambda d: reverse("penilaian:dialog-checkin", args=[d.checkin_lalu.pk]),
        "#form-notulen button[type=submit]",
        lambda d: [Isi("#id_notulen", TEKS), Isi("#id_aksi-0-tenggat", hari(d, 6), "date")],
    ),
    Formulir(
        "masukan-rekan", "pegawai", lambda d: reverse("penilaian:rekan-jawab", args=[d.undangan.pk]), "#kirim-masukan",
        lambda d: [Isi(f"input[name={k}][value={v}]", True, "check") for k, v in jawaban_rekan().items()]
        + [Isi("#id_komentar", TEKS)],
        stored=lambda d: MasukanRekan.objects.get(penilaian=d.eval_staf, komentar=TEKS, jawaban=jawaban_rekan()),
    ),
    Formulir(
        "pelatihan", "pegawai", lambda d: reverse("pelatihan:riwayat-update", args=[d.riwayat.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_nama_kegiatan", TEKS), Isi("#id_tanggal_mulai", hari(d, -9), "date"),
                   Isi("#id_tanggal_selesai", hari(d, -8), "date"), Isi("#id_jp", "24", "number"),
                   Isi("#id_penyelenggara", "Pusdiklat “LAN” RI"), Isi("#id_nomor_sertifikat", "")],
    ),
    Formulir(
        "rencana-pengembangan", "pegawai",
        lambda d: reverse("pelatihan:item-update", args=[d.org.pegawai.pk, d.year, d.item.pk]),
        "form.card button[type=submit]",
        lambda d: [Isi("#id_kompetensi", TEKS), Isi("#id_target_jp", "32", "number"),
                   Isi("#id_target_tanggal", f"{d.year}-11-20", "date"), Isi("#id_status", "BERJALAN", "select"),
                   Isi("#id_riwayat_0", False, "check")],
    ),
    Formulir(
        "kegiatan-harian", "pegawai", lambda d: reverse("harian:ubah", args=[d.kegiatan.pk]), "#tombol-simpan",
        lambda d: [Isi("#id_tanggal", f"{max(d.today - timedelta(days=1), d.skp.tanggal_mulai):%Y-%m-%d}", "date"),
                   Isi("#id_uraian", TEKS), Isi("#id_kuantitas", "12.5", "number"), Isi("#id_satuan", "dokumen"),
                   Isi("#id_jam_mulai", "13:05", "time"), Isi("#id_jam_selesai", "14:40", "time"),
                   Isi("#id_rencana_aksi", "", "select"), Isi("#id_iki", "", "select"),
                   Isi("#id_bukti_url", "https://drive.contoh.go.id/berkas?id=12.5&v=2")],
    ),
    Formulir(
        "jam-kerja-standar", "hr", lambda d: reverse("harian:tim-jam-kerja"), "#tombol-simpan-standar",
        lambda d: [Isi("#id_jam_per_minggu", "40.25", "number")],
    ),
    Formulir(
        "tanggapan-kegiatan", "atasan", lambda d: reverse("harian:tim"),
        lambda d: f"#tanggapan-{d.kegiatan.pk} button[type=submit]",
        lambda d: [Isi(f"#tanggapan-{d.kegiatan.pk} select[name=tanda]", "PERLU_PERBAIKAN", "select"),
                   Isi(f"#tanggapan-{d.kegiatan.pk} input[name=komentar]", TEKS)],
        saved=".tanggapan .text-success", htmx=True,
    ),
    Formulir(
        "pegawai", "hr", lambda d: reverse("pegawai:update", args=[d.org.rekan.pk]), "main form button[type=submit]",
        lambda d: [Isi("#id_nama", "Ni Luh Putu Ayu Kusuma’s"), Isi("#id_gelar_depan", "Dr."),
                   Isi("#id_gelar_belakang", "S.E., M.Ak."), Isi("#id_email", "ayu.kusuma@contoh.go.id"),
                   Isi("#id_status", "CPNS", "select"),
                   Isi("#id_tanggal_lahir", f"{d.org.rekan.tanggal_lahir:%Y-%m-%d}", "date")],  # as in the NIP
    ),
    Formulir(
        "unit", "hr", lambda d: reverse("pegawai:unit-update", args=[d.org.seksi2.pk]), "main form button[type=submit]",
        lambda d: [Isi("#id_nama", "Seksi Pelayanan & Perizinan “Terpadu”"), Isi("#id_kode", "S2-A"),
                   Isi("#id_level", "5", "select"), Isi("#id_kepala_nip", d.org.lain.nip)],
    ),
    Formulir(
        "plt", "hr", lambda d: reverse("pegawai:plt-list"), "form.card-body button[type=submit]",
        lambda d: [Isi("#id_nip", d.org.rekan.nip), Isi("#id_unit_kerja", str(d.org.seksi2.pk), "select"),
                   Isi("#id_jenis", "PLH", "select"), Isi("#id_tanggal_mulai", hari(d, 3), "date"),
                   Isi("#id_tanggal_selesai", hari(d, 33), "date"), Isi("#id_nomor_sk", "800/12.5/2026")],
        stored=lambda d: PenugasanPlt.objects.get(
            pegawai=d.org.rekan, unit_kerja=d.org.seksi2, jenis="PLH", nomor_sk="800/12.5/2026",
            tanggal_mulai=hari(d, 3), tanggal_selesai=hari(d, 33)),
    ),
    Formulir(
        "pejabat-non-asn", "hr", lambda d: reverse("pegawai:pejabat-update", args=[d.pejabat.pk]),
        "form.card-body button[type=submit]",
        lambda d: [Isi("#id_nama", TEKS[:60]), Isi("#id_jabatan", "Wali Kota “Contoh” — 2,5"),
                   Isi("#id_aktif", False, "check")],
    ),
    Formulir(
        "delegasi-penilai", "hr", lambda d: reverse("pegawai:delegasi-list"), "form.card-body button[type=submit]",
        lambda d: [Isi("#id_nip", d.org.rekan.nip), Isi("#id_dasar", TEKS), Isi("#id_nomor_sk", "800/12.5/2026"),
                   Isi("#id_tanggal_mulai", hari(d, 3), "date"), Isi("#id_tanggal_selesai", hari(d, 33), "date")],
        stored=lambda d: DelegasiPenilai.objects.get(
            pegawai=d.org.rekan, dasar=TEKS, nomor_sk="800/12.5/2026", tanggal_mulai=hari(d, 3),
            tanggal_selesai=hari(d, 33)),
    ),
    Formulir(
        "ganti-atasan", "hr", lambda d: reverse("pegawai:ganti-atasan", args=[d.org.rekan.pk]),
        "main form button[type=submit]", lambda d: [Isi("#id_atasan_nip", d.org.atasan2.nip), Isi("#id_alasan", TEKS)],
        stored=lambda d: d.org.rekan.riwayat_atasan.get(atasan_baru=d.org.atasan2, alasan=TEKS),
    ),
    Formulir(
        "set-periode", "hr", lambda d: reverse("penilaian:evaluasi-periode-list"), "#form-set-periode button",
        lambda d: [Isi("#id_tahun", str(d.year + 1), "number"), Isi("#id_jenis", "SEMESTERAN", "select"),
                   Isi("#id_akhir", False, "check"), Isi("#id_hari_batas", "7", "number")],
        stored=set_periode_tersimpan,
    ),
    Formulir(
        "periode", "hr", lambda d: reverse("penilaian:evaluasi-periode-ubah", args=[d.periode.pk]),
        "main form button.btn-primary",
        lambda d: [Isi("#id_nama", "Triwulan “IV” — 2026"),
                   Isi("#id_tanggal_mulai", f"{d.periode.tanggal_mulai + timedelta(days=1):%Y-%m-%d}", "date"),
                   Isi("#id_tanggal_selesai", f"{d.periode.tanggal_selesai - timedelta(days=1):%Y-%m-%d}", "date"),
                   Isi("#id_batas_pengisian", hari(d, 45), "date")],
    ),
    Formulir(
        "buka-kunci", "hr", lambda d: reverse("penilaian:evaluasi-buka-kunci", args=[d.periode.pk]),
        "main form button.btn-warning",
        lambda d: [Isi("#id_nip", d.org.pegawai.nip), Isi("#id_alasan", TEKS),
                   Isi("#id_berlaku_sampai", f"{hari(d, 5)}T14:30", "date")],
        stored=lambda d: BukaKunci.objects.get(pegawai=d.org.pegawai, alasan=TEKS, berlaku_sampai=timezone.make_aware(
            datetime.combine(d.today + timedelta(days=5), time(14, 30)))),
    ),
    Formulir(
        "capaian-unit", "hr", lambda d: reverse("penilaian:unit-distribusi", args=[d.org.seksi.pk, d.periode.pk]),
        "#tombol-capaian",
        lambda d: [Isi("#id_predikat", "ISTIMEWA", "select"),
                   Isi("form:has(#tombol-capaian) textarea[name=catatan]", TEKS)],
    ),
    Formulir(
        "aturan-tpp", "hr", lambda d: reverse("laporan:aturan-tpp"), "#simpan-aturan",
        lambda d: [Isi("#id_persen_butuh_perbaikan", "72.25", "number"), Isi("#id_dasar_hukum", TEKS),
                   Isi("#id_potongan_terlambat", "1.5", "number"), Isi("#id_toleransi_hari", "2", "number")],
    ),
]
