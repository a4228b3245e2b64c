"""Organisation and people: instansi, unit kerja tree, jabatan, golongan, pegawai, accounts.

domain.md §7 (employee master data) is the source of every rule here.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .nip import PNS, PPPK, STATUS_PPPK, ketidaksesuaian, parse_nip, validate_nip


class User(AbstractUser):
    """Login account. Users of a Pegawai log in with their NIP as username.

    ``instansi`` scopes an HR user (group "HR") to one instansi (style.md §4).
    """

    instansi = models.ForeignKey(
        "pegawai.Instansi", verbose_name=_("instansi (lingkup HR)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="users",
    )

    # Set while the current password is a temporary one given by HR: it must be changed at the next
    # login and stops working at this time (settings.KINERJA["SANDI_SEMENTARA_JAM"]).
    sandi_sementara_sampai = models.DateTimeField(_("kata sandi sementara berlaku sampai"), null=True, blank=True)
    # Raising it ends every session of the account at its next request (see get_session_auth_hash).
    sesi_versi = models.PositiveIntegerField(_("versi sesi"), default=0, editable=False)
    # The language the user last used the site in: e-mails are written in it (blank: the site's default).
    bahasa = models.CharField(_("bahasa"), max_length=8, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def sandi_sementara_kedaluwarsa(self) -> bool:
        return self.sandi_sementara_sampai is not None and self.sandi_sementara_sampai <= timezone.now()

    # Django keeps an HMAC of the password in each session and drops the session when it no longer
    # matches; mixing in ``sesi_versi`` lets us end all sessions without touching the password, on any
    # session backend and without a query. Version 0 keeps Django's own value, so no one is logged out
    # by the upgrade.
    def _session_hash(self, secret=None) -> str:
        if not self.sesi_versi:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "kinerja.User.get_session_auth_hash",
            f"{self.password}|{self.sesi_versi}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_hash(self):
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback_secret)


class Instansi(models.Model):
    class Jenis(models.TextChoices):
        PUSAT = "PUSAT", _("Instansi Pusat")
        DAERAH = "DAERAH", _("Instansi Daerah")

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.DAERAH)
    kota = models.CharField(
        _("kota/tempat"), max_length=100, blank=True, help_text=_("Dipakai pada blok tanda tangan dokumen.")
    )
    login_lokal = models.BooleanField(
        _("masuk dengan kata sandi"),
        default=True,
        help_text=_(
            "Matikan agar pegawai instansi ini hanya masuk melalui SSO. Berlaku hanya bila SSO aktif; "
            "superuser selalu dapat masuk dengan kata sandi."
        ),
    )

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class UnitKerja(models.Model):
    """A node of the unit tree (Unor) under an instansi (domain.md §7.5)."""

    class Level(models.IntegerChoices):
        INSTANSI = 1, _("Pimpinan instansi / Sekretariat Daerah")
        PERANGKAT_DAERAH = 2, _("Perangkat daerah / Eselon II")
        BIDANG = 3, _("Bidang / Bagian / Eselon III")
        SEKSI = 4, _("Seksi / Subbagian / Eselon IV")
        LAINNYA = 5, _("Satuan lain (UPT, sekolah, puskesmas)")

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="unit_kerja"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("unit induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    kode = models.CharField(_("kode"), max_length=30)
    nama = models.CharField(_("nama"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level/eselon"), choices=Level.choices, default=Level.SEKSI)
    kepala = models.ForeignKey(
        "pegawai.Pegawai",
        verbose_name=_("kepala unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unit_dipimpin",
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="unit_kode_unik_per_instansi")]

    def __str__(self):
        return self.nama

    @property
    def label_lengkap(self) -> str:
        """"kode — nama (induk)": tells apart the many units of the same name (select_related("parent"))."""
        from .unit_label import label_unit

        return label_unit(self)

    def clean(self):
        if self.parent_id and self.parent.instansi_id != self.instansi_id:
            raise ValidationError({"parent": _("Unit induk harus berada pada instansi yang sama.")})
        node, seen = self.parent, set()
        while node is not None and self.pk:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError({"parent": _("Unit induk membentuk lingkaran pada pohon unit.")})
            seen.add(node.pk)
            node = node.parent


class Golongan(models.Model):
    """Golongan/ruang PNS with pangkat, and golongan PPPK I-XVII (domain.md §7.3)."""

    class Jenis(models.TextChoices):
        PNS = PNS, "PNS"
        PPPK = PPPK, "PPPK"

    kode = models.CharField(_("kode"), max_length=10)
    jenis = models.CharField(_("jenis"), max_length=4, choices=Jenis.choices)
    pangkat = models.CharField(_("pangkat"), max_length=60, blank=True)
    urutan = models.PositiveSmallIntegerField(
        _("urutan"), help_text=_("Kunci urut: gol×10+ruang untuk PNS, nomor untuk PPPK.")
    )

    class Meta:
        verbose_name = _("golongan")
        verbose_name_plural = _("golongan")
        ordering = ["jenis", "urutan"]
        constraints = [models.UniqueConstraint(fields=["jenis", "kode"], name="golongan_unik")]

    def __str__(self):
        return f"{self.pangkat}, {self.kode}" if self.pangkat else f"Golongan {self.kode}"


class Jabatan(models.Model):
    class Jenis(models.TextChoices):
        JPT_UTAMA = "JPT_UTAMA", _("JPT Utama")
        JPT_MADYA = "JPT_MADYA", _("JPT Madya")
        JPT_PRATAMA = "JPT_PRATAMA", _("JPT Pratama")
        ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
        PENGAWAS = "PENGAWAS", _("Pengawas")
        FUNGSIONAL = "FUNGSIONAL", _("Fungsional")
        PELAKSANA = "PELAKSANA", _("Pelaksana")

    class Jenjang(models.TextChoices):
        PEMULA = "PEMULA", _("Pemula")
        TERAMPIL = "TERAMPIL", _("Terampil")
        MAHIR = "MAHIR", _("Mahir")
        PENYELIA = "PENYELIA", _("Penyelia")
        AHLI_PERTAMA = "AHLI_PERTAMA", _("Ahli Pertama")
        AHLI_MUDA = "AHLI_MUDA", _("Ahli Muda")
        AHLI_MADYA = "AHLI_MADYA", _("Ahli Madya")
        AHLI_UTAMA = "AHLI_UTAMA", _("Ahli Utama")

    JPT = {Jenis.JPT_UTAMA, Jenis.JPT_MADYA, Jenis.JPT_PRATAMA}

    nama = models.CharField(_("nama jabatan"), max_length=200, unique=True)
    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=Jenis.choices)
    jenjang = models.CharField(_("jenjang fungsional"), max_length=20, choices=Jenjang.choices, blank=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(jenis="FUNGSIONAL") & ~Q(jenjang="")) | (~Q(jenis="FUNGSIONAL") & Q(jenjang="")),
                name="jenjang_hanya_untuk_fungsional",
            )
        ]

    def __str__(self):
        return self.nama

    @property
    def is_jpt(self) -> bool:
        return self.jenis in self.JPT

    def clean(self):
        if self.jenis == self.Jenis.FUNGSIONAL and not self.jenjang:
            raise ValidationError({"jenjang": _("Jabatan fungsional wajib memiliki jenjang.")})
        if self.jenis != self.Jenis.FUNGSIONAL and self.jenjang:
            raise ValidationError({"jenjang": _("Jenjang hanya diisi untuk jabatan fungsional.")})


class PegawaiQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(aktif=True)

    def with_relations(self):
        return self.select_related("unit_kerja__parent", "jabatan", "golongan", "atasan", "user")


class Pegawai(models.Model):
    class Status(models.TextChoices):
        PNS = "PNS", _("PNS")
        CPNS = "CPNS", _("CPNS")
        PPPK = "PPPK", _("PPPK")
        PPPK_PW = "PPPK_PW", _("PPPK Paruh Waktu")

    class JenisKelamin(models.TextChoices):
        L = "L", _("Laki-laki")
        P = "P", _("Perempuan")

    nip = models.CharField(_("NIP"), max_length=18, unique=True, validators=[validate_nip])
    nama = models.CharField(_("nama"), max_length=150, db_index=True)
    gelar_depan = models.CharField(_("gelar depan"), max_length=30, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    status = models.CharField(_("status kepegawaian"), max_length=8, choices=Status.choices, default=Status.PNS)
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    golongan = models.ForeignKey(Golongan, verbose_name=_("golongan"), null=True, blank=True, on_delete=models.PROTECT)
    jabatan = models.ForeignKey(Jabatan, verbose_name=_("jabatan"), null=True, blank=True, on_delete=models.PROTECT)
    unit_kerja = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="pegawai"
    )
    atasan = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung (pejabat penilai)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bawahan",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    email = models.EmailField(_("email"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama", "nip"]
        # The employee list's order (one page read off the index) and the per-unit counts of the aktif.
        # Name/NIP search (icontains) uses trigram indexes on PostgreSQL: migration pegawai_trigram_cari.
        indexes = [
            models.Index(fields=["nama", "nip"], name="pegawai_nama_nip"),
            models.Index(fields=["unit_kerja", "aktif"], name="pegawai_unit_aktif"),
            # Active pegawai by status (the PPPK of the contract pages), without a scan of every pegawai.
            models.Index(fields=["status", "unit_kerja"], condition=Q(aktif=True), name="pegawai_status_unit_aktif"),
        ]

    def __str__(self):
        return f"{self.nama_lengkap} ({self.nip})"

    @property
    def nama_lengkap(self) -> str:
        nama = f"{self.gelar_depan} {self.nama}".strip()
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama

    @property
    def instansi_id(self):
        return self.unit_kerja.instansi_id

    @property
    def is_pppk(self) -> bool:
        """PPPK or PPPK Paruh Waktu: contract, 24 JP cap, golongan without pangkat (domain.md §7.6, §11.1)."""
        return self.status in STATUS_PPPK

    def clean(self):
        errors, info = {}, None
        try:
            # An empty NIP is the field's own "required" error (or, in a form, already reported with the
            # NIP's real fault); saying "NIP wajib diisi." again would be a second, wrong message.
            info = parse_nip(self.nip) if self.nip else None
        except ValidationError as exc:
            errors["nip"] = exc.messages
        if info is not None:
            self.nip = info.nip
        gol = self.golongan if self.golongan_id else None
        errors.update(
            ketidaksesuaian(
                info,
                status=self.status,
                status_label=self.get_status_display(),
                jenis_kelamin=self.jenis_kelamin,
                tanggal_lahir=self.tanggal_lahir,
                golongan_jenis=gol.jenis if gol else "",
                golongan_kode=gol.kode if gol else "",
            )
        )
        if self.atasan_id:
            if self.pk and self.atasan_id == self.pk:
                errors["atasan"] = _("Pegawai tidak boleh menjadi atasan dirinya sendiri.")
            elif self.pk and creates_loop(self.pk, self.atasan_id):
                errors["atasan"] = _("Atasan ini membuat lingkaran pada rantai atasan.")
        if errors:
            raise ValidationError(errors)


def creates_loop(pegawai_id: int, atasan_id: int) -> bool:
    """True when making ``atasan_id`` the atasan of ``pegawai_id`` closes a loop in the chain."""
    seen = set()
    current = atasan_id
    while current is not None and current not in seen:
        if current == pegawai_id:
            return True
        seen.add(current)
        current = Pegawai.objects.filter(pk=current).values_list("atasan_id", flat=True).first()
    return False


class RiwayatAtasan(models.Model):
    """History of changes to a pegawai's pejabat penilai (domain.md §7.5: explicit, with history)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_atasan")
    atasan_lama = models.ForeignKey(Pegawai, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    atasan_baru = models.ForeignKey(Pegawai, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    alasan = models.CharField(_("alasan"), max_length=255, blank=True)
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat atasan")
        verbose_name_plural = _("riwayat atasan")
        ordering = ["-waktu", "-id"]

    def __str__(self):
        return f"{self.pegawai.nama}: {self.atasan_lama} → {self.atasan_baru}"


from .models_pejabat import DelegasiPenilai, PejabatNonAsn, PenugasanPlt  # noqa: E402,F401  (edges of the chain)
from .models_riwayat import RiwayatJabatan  # noqa: E402,F401  (the post history lives in its own module)
