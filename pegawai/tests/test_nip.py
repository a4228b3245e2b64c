"""NIP parsing, table-driven (domain.md §7.1 PNS, §7.2 PPPK)."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from pegawai.nip import PNS, PPPK, parse_nip


@pytest.mark.parametrize(
    "nip, jenis, lahir, tmt_tahun, tmt_bulan, kelamin, urut, angkatan",
    [
        # §7.1 worked example: born 1967-11-10, TMT CPNS 1992-03, male, urut 001.
        ("196711101992031001", PNS, date(1967, 11, 10), 1992, 3, "L", 1, None),
        ("198505172010122999", PNS, date(1985, 5, 17), 2010, 12, "P", 999, None),
        # §7.2 example: PPPK, TMT 2024, code 2, angkatan 1, male, urut 001.
        ("200012312024211001", PPPK, date(2000, 12, 31), 2024, None, "L", 1, 1),
        ("199002282023292015", PPPK, date(1990, 2, 28), 2023, None, "P", 15, 9),
    ],
    ids=["pns-contoh", "pns-wanita-urut-999", "pppk-contoh", "pppk-angkatan-9"],
)
def test_valid_nip_is_parsed(nip, jenis, lahir, tmt_tahun, tmt_bulan, kelamin, urut, angkatan):
    info = parse_nip(nip)
    assert (info.nip, info.jenis, info.tanggal_lahir) == (nip, jenis, lahir)
    assert (info.tmt_tahun, info.tmt_bulan, info.jenis_kelamin, info.nomor_urut, info.angkatan) == (
        tmt_tahun, tmt_bulan, kelamin, urut, angkatan
    )


def test_surrounding_spaces_are_ignored():
    info = parse_nip("  196711101992031001 \t")
    assert info.nip == "196711101992031001"
    assert info.tanggal_lahir == date(1967, 11, 10)


@pytest.mark.parametrize(
    "nip, code, pesan",
    [
        ("19671110199203100", "nip_panjang", "NIP harus 18 digit, bukan 17 digit."),  # §7.1: length 17
        ("1967111019920310011", "nip_panjang", "NIP harus 18 digit, bukan 19 digit."),
        ("19671110199203100A", "nip_bukan_angka", "NIP hanya boleh berisi angka."),
        ("1967-11-10 1992031", "nip_bukan_angka", "NIP hanya boleh berisi angka."),
        (
            "１９６７１１１０１９９２０３１００１",
            "nip_bukan_angka",
            "NIP hanya boleh berisi angka.",
        ),  # full-width digits
        ("", "nip_kosong", "NIP wajib diisi."),
        ("   ", "nip_kosong", "NIP wajib diisi."),
        (None, "nip_kosong", "NIP wajib diisi."),
        ("196702301992031001", "nip_tanggal_lahir", "bukan tanggal yang valid"),  # 30 February
        ("196713101992031001", "nip_tanggal_lahir", "bukan tanggal yang valid"),  # birth month 13
        ("196711101992131001", "nip_bulan_tmt", "Bulan TMT pada NIP (13) harus 01 sampai 12."),  # §7.1 month 13
        ("196711101992001001", "nip_bulan_tmt", "Bulan TMT pada NIP (00) harus 01 sampai 12."),
        ("196711101992033001", "nip_jenis_kelamin", "harus 1 (pria) atau 2 (wanita), bukan 3"),  # §7.1 sex 3
        ("196711101992030001", "nip_jenis_kelamin", "bukan 0"),
        ("196711101992031000", "nip_urut", "Nomor urut pada NIP tidak boleh 000."),
        ("196711101960031001", "nip_tahun_tmt", "tidak mungkin sebelum"),  # TMT before birth
        ("209901011992031001", "nip_tanggal_lahir", "masa depan"),
    ],
    ids=[
        "panjang-17",
        "panjang-19",
        "huruf",
        "tanda-baca",
        "angka-fullwidth",
        "kosong",
        "spasi",
        "none",
        "tanggal-mustahil",
        "bulan-lahir-13",
        "bulan-tmt-13",
        "bulan-tmt-00",
        "kelamin-3",
        "kelamin-0",
        "urut-000",
        "tmt-sebelum-lahir",
        "lahir-masa-depan",
    ],
)
def test_invalid_nip_is_refused_with_a_clear_message(nip, code, pesan):
    with pytest.raises(ValidationError) as exc:
        parse_nip(nip)
    assert exc.value.code == code
    assert pesan in exc.value.messages[0]


def test_pppk_code_20_is_not_mistaken_for_pppk():
    """Digits 13-14 "20" are neither a month nor a PPPK code (PPPK angkatan is 1-9, §7.2)."""
    with pytest.raises(ValidationError) as exc:
        parse_nip("200012312024201001")
    assert exc.value.code == "nip_bulan_tmt"


# --- agreement of the other fields with the NIP and the status (domain.md §7.1-§7.3) -----------------

PNS_NIP, PPPK_NIP = "198505172010031001", "200012312024211001"  # man born 1985-05-17 / 2000-12-31


@pytest.mark.parametrize(
    "nip, nilai, diharapkan",
    [
        (
            PNS_NIP,
            {"status": "PNS", "jenis_kelamin": "L", "tanggal_lahir": date(1985, 5, 17), "golongan_jenis": "PNS"},
            {},
        ),
        (PNS_NIP, {"status": "CPNS", "golongan_jenis": "PNS"}, {}),
        (PPPK_NIP, {"status": "PPPK", "jenis_kelamin": "L", "golongan_jenis": "PPPK"}, {}),
        (PNS_NIP, {"status": "PPPK"}, {"status": "Status PPPK tidak sesuai dengan format NIP PNS."}),
        (PPPK_NIP, {"status": "PNS"}, {"status": "Status PNS tidak sesuai dengan format NIP PPPK."}),
        (PNS_NIP, {"status": "PNS", "jenis_kelamin": "P"}, {"jenis_kelamin": "Jenis kelamin tidak sesuai dengan NIP."}),
        (
            PNS_NIP,
            {"status": "PNS", "tanggal_lahir": date(1985, 5, 18)},
            {"tanggal_lahir": "Tanggal lahir tidak sesuai dengan NIP (17-05-1985)."},
        ),
        (
            PNS_NIP,
            {"status": "PNS", "golongan_jenis": "PPPK", "golongan_kode": "IX"},
            {"golongan": "Golongan IX tidak berlaku untuk status PNS."},
        ),
        (
            PPPK_NIP,
            {"status": "PPPK", "golongan_jenis": "PNS", "golongan_kode": "III/c"},
            {"golongan": "Golongan III/c tidak berlaku untuk status PPPK."},
        ),
        (
            None,
            {"status": "PNS", "jenis_kelamin": "P", "golongan_jenis": "PPPK", "golongan_kode": "V"},
            {"golongan": "Golongan V tidak berlaku untuk status PNS."},
        ),  # invalid NIP: only the family is checked
    ],
    ids=[
        "pns-cocok",
        "cpns-golongan-pns",
        "pppk-cocok",
        "status-pppk-nip-pns",
        "status-pns-nip-pppk",
        "kelamin",
        "tanggal-lahir",
        "golongan-pppk-untuk-pns",
        "golongan-pns-untuk-pppk",
        "nip-tidak-valid",
    ],
)
def test_values_that_disagree_with_the_nip_or_status_are_named_per_field(nip, nilai, diharapkan):
    from pegawai.nip import ketidaksesuaian

    assert ketidaksesuaian(parse_nip(nip) if nip else None, **nilai) == diharapkan


@pytest.mark.django_db
def test_the_form_and_the_csv_importer_give_the_same_message(org):
    """One agreement check: a PNS row with a PPPK golongan reads the same in both places."""
    from pegawai.importer import import_file
    from pegawai.models import Golongan, Pegawai
    from pegawai.tests.factories import make_nip

    nip = make_nip()
    p = Pegawai(
        nip=nip,
        nama="Budi",
        status="PNS",
        jenis_kelamin="P",
        tanggal_lahir=parse_nip(nip).tanggal_lahir,
        golongan=Golongan.objects.get(jenis="PPPK", kode="IX"),
        unit_kerja=org.seksi,
    )
    with pytest.raises(ValidationError) as exc:
        p.clean()
    dari_form = {m for msgs in exc.value.message_dict.values() for m in msgs}
    data = f"nip,nama,status,jenis_kelamin,golongan,unit_kerja\n{nip},Budi,PNS,P,IX,{org.seksi.kode}\n".encode()
    dari_csv = {e.pesan for e in import_file(data, instansi=org.instansi).errors}
    assert (
        dari_form
        == dari_csv
        == {"Jenis kelamin tidak sesuai dengan NIP.", "Golongan IX tidak berlaku untuk status PNS."}
    )
