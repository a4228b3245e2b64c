"""Writing and reading the audit trail (style.md §2: services write the audit entry)."""
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import AuditLog

# What each recorded action is called on screen: the one place that turns an event code into words
# (history lists, PDFs). A new ``aksi`` gets a line here; an unknown one is shown as a plain "Data diubah".
AKSI_LABEL = {
    "akun.2fa_disabled": _("Verifikasi dua langkah dimatikan"),
    "akun.2fa_enabled": _("Verifikasi dua langkah diaktifkan"),
    "cetak_massal.dilanjutkan": _("Cetak massal dilanjutkan"),
    "cetak_massal.dimulai": _("Cetak massal dimulai"),
    "delegasi_penilai.created": _("Delegasi pejabat penilai dicatat"),
    "delegasi_penilai.ended": _("Delegasi pejabat penilai diakhiri"),
    "harian.approved": _("Kegiatan harian disetujui"),
    "harian.created": _("Kegiatan harian dicatat"),
    "harian.deleted": _("Kegiatan harian dihapus"),
    "harian.imported": _("Kegiatan harian diimpor"),
    "harian.jam_kerja_standar": _("Jam kerja standar instansi diubah"),
    "harian.returned": _("Kegiatan harian dikembalikan"),
    "harian.tanggapan": _("Kegiatan harian ditanggapi"),
    "harian.updated": _("Kegiatan harian diubah"),
    "keberatan.diajukan": _("Keberatan diajukan"),
    "keberatan.diputus": _("Keberatan diputus"),
    "keberatan.penjelasan_diminta": _("Penjelasan keberatan diminta"),
    "keberatan.penjelasan_diberikan": _("Penjelasan keberatan diberikan"),
    "keberatan.dieskalasi": _("Keberatan melewati batas putusan"),
    "organisasi.pengecualian_urutan": _("Pengecualian urutan SE MenPANRB 3/2023 dicatat"),
    "organisasi.capaian_ditetapkan": _("Capaian kinerja organisasi ditetapkan"),
    "organisasi.unit_difinalisasi": _("Periode unit difinalisasi"),
    "laporan.diunduh": _("Laporan diunduh"),
    "laporan.job_dilanjutkan": _("Penyusunan laporan dilanjutkan"),
    "laporan.job_dimulai": _("Laporan disusun di latar"),
    "pegawai.account_created": _("Akun dibuat"),
    "pejabat_non_asn.created": _("Pejabat non-ASN ditambahkan"),
    "pejabat_non_asn.updated": _("Pejabat non-ASN diubah"),
    "pegawai.account_deactivated": _("Akun dinonaktifkan"),
    "pegawai.account_reactivated": _("Akun diaktifkan kembali"),
    "pegawai.account_unlocked": _("Akun dibuka kuncinya"),
    "pegawai.atasan_changed": _("Atasan langsung diganti"),
    "pegawai.created": _("Data pegawai ditambahkan"),
    "pegawai.imported": _("Data pegawai diimpor"),
    "pegawai.moved": _("Mutasi/promosi dicatat"),
    "pegawai.moves_imported": _("Mutasi/promosi diimpor"),
    "pegawai.password_reset": _("Kata sandi diatur ulang"),
    "pegawai.updated": _("Data pegawai diubah"),
    "pelatihan.diajukan": _("Riwayat pengembangan diajukan"),
    "pelatihan.dihapus": _("Riwayat pengembangan dihapus"),
    "pelatihan.ditolak": _("Riwayat pengembangan ditolak"),
    "pelatihan.diubah": _("Riwayat pengembangan diubah"),
    "pelatihan.diverifikasi": _("Riwayat pengembangan diverifikasi"),
    "penilaian.bukti_added": _("Bukti dukung ditambahkan"),
    "penilaian.bukti_deleted": _("Bukti dukung dihapus"),
    "penilaian.diterima": _("Penilaian diterima pegawai"),
    "penilaian.diterima_lewat_waktu": _("Diterima karena lewat waktu"),
    "penilaian.finalized": _("Penilaian difinalkan"),
    "penilaian.opened": _("Penilaian dibuka"),
    "penilaian.rated": _("Rating ditetapkan pejabat penilai"),
    "penilaian.returned": _("Penilaian dikembalikan"),
    "penilaian.submitted": _("Penilaian diajukan"),
    "perjanjian_kerja.cancelled": _("Perjanjian kerja dibatalkan"),
    "perjanjian_kerja.created": _("Perjanjian kerja dicatat"),
    "periode.created": _("Periode dibuat"),
    "periode.unlocked": _("Periode dibuka kuncinya"),
    "periode.updated": _("Periode diubah"),
    "plt.assigned": _("Plt/Plh ditunjuk"),
    "plt.ended": _("Penugasan Plt/Plh diakhiri"),
    "rekan.dirilis": _("Masukan rekan dirilis"),
    "rekan.diundang": _("Rekan diundang memberi masukan"),
    "rekan.menjawab": _("Rekan memberi masukan"),
    "rencana_pengembangan.dibuat": _("Rencana pengembangan dibuat"),
    "rencana_pengembangan.diusulkan": _("Rencana pengembangan diusulkan"),
    "rencana_pengembangan.item_ditambah": _("Kegiatan rencana ditambahkan"),
    "rencana_pengembangan.item_diubah": _("Kegiatan rencana diubah"),
    "rencana_pengembangan.usulan_dibatalkan": _("Usulan rencana dibatalkan"),
    "siasn.diekspor": _("Data diekspor ke bentuk SIASN"),
    "siasn.diimpor": _("Data induk SIASN diimpor"),
    "skp.approved": _("Disetujui"),
    "skp.closed_by_move": _("SKP ditutup karena mutasi/promosi"),
    "skp.created": _("SKP dibuat"),
    "skp.iki_added": _("Indikator ditambahkan"),
    "skp.iki_changed": _("Indikator diubah"),
    "skp.iki_deleted": _("Indikator dihapus"),
    "skp.iki_moved": _("Urutan indikator diubah"),
    "skp.lampiran_changed": _("Lampiran SKP diubah"),
    "skp.pejabat_non_asn_set": _("Pejabat non-ASN ditetapkan"),
    "skp.penilai_changed": _("Pejabat penilai diganti"),
    "skp.returned": _("Dikembalikan untuk diperbaiki"),
    "skp.revision_opened": _("Revisi dibuka"),
    "skp.rhk_added": _("Rencana hasil kerja ditambahkan"),
    "skp.rhk_changed": _("Rencana hasil kerja diubah"),
    "skp.rhk_deleted": _("Rencana hasil kerja dihapus"),
    "skp.rhk_linked": _("Intervensi rencana hasil kerja diubah"),
    "skp.rhk_moved": _("Urutan rencana hasil kerja diubah"),
    "skp.submitted": _("Diajukan untuk persetujuan"),
    "tpp.aturan_dibuat": _("Aturan TPP dibuat"),
    "tpp.aturan_diubah": _("Aturan TPP diubah"),
    "tpp.bulan_dibuka": _("Bulan TPP dibuka kembali"),
    "tpp.bulan_ditutup": _("Bulan TPP ditutup"),
    "unit.created": _("Unit kerja dibuat"),
    "unit.updated": _("Unit kerja diubah"),
}


def nama_orang(user) -> str:
    """A user's name as people know it: the pegawai's full name, else the account's name; "Sistem" if none."""
    if user is None:
        return str(_("Sistem"))
    pegawai = getattr(user, "pegawai", None)
    if pegawai is not None:
        return pegawai.nama_lengkap
    return user.get_full_name() or user.get_username()


def label_aksi(aksi: str) -> str:
    """The on-screen words for an event code (never the code itself)."""
    return str(AKSI_LABEL.get(aksi, _("Data diubah")))


def audit_log(*, aktor, aksi: str, objek: models.Model, data: dict | None = None, catatan: str = "") -> AuditLog:
    """Record ``aksi`` (a dotted name such as ``skp.approved``) on ``objek``."""
    if aktor is not None and not getattr(aktor, "is_authenticated", False):
        aktor = None
    return AuditLog.objects.create(
        aktor=aktor,
        aksi=aksi,
        content_type=ContentType.objects.get_for_model(objek),
        object_id=str(objek.pk),
        objek_repr=str(objek)[:255],
        data=data or {},
        catatan=catatan,
    )


def audit_for(objek: models.Model):
    """The audit entries of one object, newest first, with the actor loaded."""
    return AuditLog.objects.filter(
        content_type=ContentType.objects.get_for_model(objek), object_id=str(objek.pk)
    ).select_related("aktor", "aktor__pegawai")
