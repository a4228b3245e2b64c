"""HR writes on the pegawai pages: create, edit (NIP rules, login follows), ganti atasan, unit kerja."""
import pytest
from django.urls import reverse

from kinerja.models import AuditLog
from pegawai.models import Pegawai, RiwayatAtasan, UnitKerja
from pegawai.tests.factories import UserFactory, login_as, make_nip

pytestmark = pytest.mark.django_db


# --- create / edit ------------------------------------------------------------------------------

def form_data(org, **over):
    data = {"nip": make_nip(kelamin="2"), "nama": "Dewi Lestari", "gelar_belakang": "S.Kom.", "status": "PNS",
            "jenis_kelamin": "", "tanggal_lahir": "", "golongan": "", "jabatan": org.pegawai.jabatan.pk,
            "unit_kerja": org.seksi.pk, "email": "", "aktif": "on", "atasan_nip": org.atasan.nip}
    data.update(over)
    return data


def test_hr_creates_a_pegawai_with_atasan_history_and_audit(client, org):
    login_as(client, org, "hr")
    data = form_data(org)
    response = client.post(reverse("pegawai:create"), data)
    created = Pegawai.objects.get(nip=data["nip"])
    assert response.url == reverse("pegawai:detail", args=[created.pk])
    assert created.jenis_kelamin == "P" and created.tanggal_lahir.year == 1985  # filled from the NIP
    assert created.atasan == org.atasan
    assert RiwayatAtasan.objects.filter(pegawai=created, atasan_baru=org.atasan, diubah_oleh=org.hr).exists()
    assert AuditLog.objects.filter(aksi="pegawai.created", aktor=org.hr, object_id=str(created.pk)).exists()


@pytest.mark.parametrize(
    "over, field, pesan",
    [
        ({"nip": "12345"}, "nip", "NIP harus 18 digit, bukan 5 digit."),
        ({"nip": "19850517201013200A"}, "nip", "NIP hanya boleh berisi angka."),
        ({"nip": "198505172010033001"}, "nip", "harus 1 (pria) atau 2 (wanita)"),
        ({"nama": ""}, "nama", "Bidang ini harus diisi."),
        ({"status": "PPPK"}, "status", "Status PPPK tidak sesuai dengan format NIP PNS."),
        ({"jenis_kelamin": "L"}, "jenis_kelamin", "Jenis kelamin tidak sesuai dengan NIP."),
        ({"tanggal_lahir": "1990-01-01"}, "tanggal_lahir", "Tanggal lahir tidak sesuai dengan NIP"),
        ({"golongan": "PPPK-IX"}, "golongan", "Golongan IX tidak berlaku untuk status PNS."),
        ({"atasan_nip": "196711101992031999"}, "atasan_nip", "tidak ditemukan di instansi ini"),
        ({"atasan_nip": "ASING"}, "atasan_nip", "tidak ditemukan di instansi ini"),
        ({"unit_kerja": "X1"}, "unit_kerja", "Masukkan pilihan yang valid."),
        ({"nip": "DUP"}, "nip", "Pegawai dengan NIP telah ada."),
    ],
    ids=["nip-pendek", "nip-huruf", "nip-kelamin", "nama-kosong", "status-nip", "kelamin-nip", "tanggal-nip",
         "golongan-pppk", "atasan-tak-ada", "atasan-instansi-lain", "unit-instansi-lain", "nip-ganda"],
)
def test_create_with_invalid_input_shows_a_clear_error(client, org, over, field, pesan):
    from pegawai.models import Golongan

    special = {"PPPK-IX": Golongan.objects.get(jenis="PPPK", kode="IX").pk, "ASING": org.asing.nip,
               "X1": org.other_unit.pk, "DUP": org.rekan.nip}
    over = {k: special.get(v, v) for k, v in over.items()}
    login_as(client, org, "hr")
    before = Pegawai.objects.count()
    response = client.post(reverse("pegawai:create"), form_data(org, **over))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(pesan in m for m in errors.get(field, [])), errors
    assert Pegawai.objects.count() == before


@pytest.mark.parametrize("nip", ["12345", "19850517201013200A", "198505172010033001", ""])
def test_a_bad_nip_gets_exactly_one_error(client, org, nip):
    login_as(client, org, "hr")
    response = client.post(reverse("pegawai:create"), form_data(org, nip=nip))
    errors = response.context["form"].errors["nip"]
    assert len(errors) == 1 and ("NIP wajib diisi." not in errors[0] or nip == ""), errors


def test_a_nip_typed_as_printed_with_spaces_is_stored_without_them(client, org):
    login_as(client, org, "hr")
    data = form_data(org)
    nip = data["nip"]
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    html = client.get(reverse("pegawai:create")).content.decode()
    assert 'maxlength="24"' in html  # the browser does not cut the printed form at 18 characters
    atasan = f" {org.atasan.nip[:8]} {org.atasan.nip[8:]}"
    client.post(reverse("pegawai:create"), {**data, "nip": spaced, "atasan_nip": atasan})
    created = Pegawai.objects.get(nip=nip)
    assert created.atasan == org.atasan


def test_hr_edits_a_pegawai_and_the_login_follows_a_corrected_nip(client, org):
    login_as(client, org, "hr")
    new_nip = make_nip()
    data = form_data(org, nip=new_nip, nama="Nama Baru", jabatan=org.pegawai.jabatan.pk,
                     golongan=org.pegawai.golongan.pk, atasan_nip="")
    response = client.post(reverse("pegawai:update", args=[org.pegawai.pk]), data)
    assert response.status_code == 302
    org.pegawai.refresh_from_db()
    assert (org.pegawai.nip, org.pegawai.nama) == (new_nip, "Nama Baru")
    assert org.pegawai.atasan == org.atasan, "the atasan is changed only on its own page"
    assert org.pegawai.user.username == new_nip
    assert client.login(username=new_nip, password="rahasia123")
    assert AuditLog.objects.filter(aksi="pegawai.updated", object_id=str(org.pegawai.pk)).exists()


def test_edit_refuses_a_nip_used_as_another_login(client, org):
    login_as(client, org, "hr")
    taken = make_nip()
    UserFactory(username=taken)
    data = form_data(org, nip=taken, jabatan=org.pegawai.jabatan.pk, atasan_nip="")
    response = client.post(reverse("pegawai:update", args=[org.pegawai.pk]), data)
    assert f"Nama pengguna {taken} sudah dipakai akun lain." in response.content.decode()
    org.pegawai.refresh_from_db()
    assert org.pegawai.nip != taken


# --- ganti atasan -------------------------------------------------------------------------------

def test_change_atasan_records_history_and_audit(client, org):
    login_as(client, org, "hr")
    url = reverse("pegawai:ganti-atasan", args=[org.pegawai.pk])
    response = client.post(url, {"atasan_nip": org.atasan2.nip, "alasan": "Mutasi ke Seksi Dua"})
    assert response.url == reverse("pegawai:detail", args=[org.pegawai.pk])
    org.pegawai.refresh_from_db()
    assert org.pegawai.atasan == org.atasan2
    riwayat = RiwayatAtasan.objects.filter(pegawai=org.pegawai).first()
    assert (riwayat.atasan_lama, riwayat.atasan_baru, riwayat.diubah_oleh, riwayat.alasan) == (
        org.atasan, org.atasan2, org.hr, "Mutasi ke Seksi Dua")
    assert AuditLog.objects.get(aksi="pegawai.atasan_changed").data == {"dari": org.atasan.nip, "ke": org.atasan2.nip}
    html = client.get(reverse("pegawai:detail", args=[org.pegawai.pk])).content.decode()
    assert "Mutasi ke Seksi Dua" in html
    # The new supervisor now sees the pegawai; the old one no longer does.
    client.force_login(org.atasan2.user)
    assert client.get(reverse("pegawai:detail", args=[org.pegawai.pk])).status_code == 200
    client.force_login(org.atasan.user)
    assert client.get(reverse("pegawai:detail", args=[org.pegawai.pk])).status_code == 404


def test_change_atasan_to_nobody(client, org):
    login_as(client, org, "hr")
    client.post(reverse("pegawai:ganti-atasan", args=[org.pegawai.pk]), {"atasan_nip": "", "alasan": "Pensiun"})
    org.pegawai.refresh_from_db()
    assert org.pegawai.atasan is None
    assert RiwayatAtasan.objects.filter(pegawai=org.pegawai, atasan_baru=None, alasan="Pensiun").exists()


@pytest.mark.parametrize(
    "target, atasan, alasan, field, pesan",
    [
        ("kabid", "pegawai", "x", "atasan_nip", "Atasan ini membuat lingkaran pada rantai atasan."),
        ("pegawai", "pegawai", "x", "atasan_nip", "Pegawai tidak boleh menjadi atasan dirinya sendiri."),
        ("pegawai", "asing", "x", "atasan_nip", "tidak ditemukan di instansi ini"),
        ("pegawai", "123", "x", "atasan_nip", "tidak ditemukan di instansi ini"),
        ("pegawai", "atasan2", "", "alasan", "Bidang ini harus diisi."),
    ],
    ids=["lingkaran", "diri-sendiri", "instansi-lain", "nip-tak-ada", "tanpa-alasan"],
)
def test_change_atasan_with_invalid_input(client, org, target, atasan, alasan, field, pesan):
    login_as(client, org, "hr")
    pegawai = getattr(org, target)
    nip = getattr(org, atasan).nip if hasattr(org, atasan) else atasan
    response = client.post(reverse("pegawai:ganti-atasan", args=[pegawai.pk]), {"atasan_nip": nip, "alasan": alasan})
    assert response.status_code == 200
    assert any(pesan in m for m in response.context["form"].errors[field])
    before = pegawai.atasan_id
    pegawai.refresh_from_db()
    assert pegawai.atasan_id == before
    assert not RiwayatAtasan.objects.filter(pegawai=pegawai).exists()


# --- unit kerja ---------------------------------------------------------------------------------

def test_hr_creates_and_renames_a_unit(client, org):
    login_as(client, org, "hr")
    response = client.post(reverse("pegawai:unit-create"), {
        "kode": "S3", "nama": "Seksi Tiga", "level": 4, "parent": org.bidang.pk, "aktif": "on",
        "kepala_nip": org.rekan.nip,
    })
    assert response.url == reverse("pegawai:unit-tree")
    unit = UnitKerja.objects.get(kode="S3", instansi=org.instansi)
    assert unit.parent == org.bidang and unit.kepala == org.rekan
    client.post(reverse("pegawai:unit-update", args=[unit.pk]), {
        "kode": "S3", "nama": "Seksi Tiga Baru", "level": 4, "parent": org.bidang.pk, "aktif": "on"})
    unit.refresh_from_db()
    assert unit.nama == "Seksi Tiga Baru" and unit.kepala is None
    assert AuditLog.objects.filter(aksi__in=["unit.created", "unit.updated"], object_id=str(unit.pk)).count() == 2


@pytest.mark.parametrize(
    "unit, data, field, pesan",
    [
        (None, {"kode": "S1", "nama": "Ganda"}, "kode", "Kode unit S1 sudah dipakai."),
        ("bidang", {"kode": "B1", "nama": "Bidang Satu", "parent": "seksi"}, "parent",
         "Unit induk membentuk lingkaran pada pohon unit."),
        (None, {"kode": "S9", "nama": "Baru", "kepala_nip": "asing"}, "kepala_nip", "tidak ditemukan di instansi ini"),
        (None, {"kode": "S9", "nama": "Baru", "parent": "other_unit"}, "parent", "Masukkan pilihan yang valid."),
    ],
    ids=["kode-ganda", "lingkaran", "kepala-instansi-lain", "induk-instansi-lain"],
)
def test_unit_form_errors(client, org, unit, data, field, pesan):
    login_as(client, org, "hr")
    data = {"level": 4, "aktif": "on", **data}
    if "parent" in data:
        data["parent"] = getattr(org, data["parent"]).pk
    if "kepala_nip" in data:
        data["kepala_nip"] = getattr(org, data["kepala_nip"]).nip
    url = reverse("pegawai:unit-update", args=[getattr(org, unit).pk]) if unit else reverse("pegawai:unit-create")
    response = client.post(url, data)
    assert response.status_code == 200
    assert any(pesan in m for m in response.context["form"].errors[field]), response.context["form"].errors
