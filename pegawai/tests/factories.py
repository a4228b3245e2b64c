"""factory_boy factories with valid NIPs and Indonesian names (Faker id_ID)."""
import itertools
from datetime import date
from types import SimpleNamespace

import factory
from django.contrib.auth.models import Group

from pegawai.models import Golongan, Instansi, Jabatan, Pegawai, UnitKerja, User

_urut = itertools.count(1)


def make_nip(*, lahir: date = date(1985, 5, 17), tmt: str = "201003", kelamin: str = "1", pppk: bool = False) -> str:
    """A valid, unique NIP (domain.md §7.1/§7.2)."""
    n = next(_urut)
    day = date(lahir.year, lahir.month, 1 + (n // 999) % 28)
    urut = n % 999 + 1
    middle = f"{2010 + n % 10}21" if pppk else tmt
    return f"{day:%Y%m%d}{middle}{kelamin}{urut:03d}"


class InstansiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi

    kode = factory.Sequence(lambda n: f"INS{n:03d}")
    nama = factory.Sequence(lambda n: f"Pemerintah Kabupaten Contoh {n}")
    kota = "Contoh"


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja

    instansi = factory.SubFactory(InstansiFactory)
    kode = factory.Sequence(lambda n: f"U{n:04d}")
    nama = factory.Sequence(lambda n: f"Seksi Contoh {n}")
    level = UnitKerja.Level.SEKSI


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan
        django_get_or_create = ("nama",)

    nama = "Penata Layanan Operasional"
    jenis = Jabatan.Jenis.PELAKSANA
    jenjang = ""


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("rahasia123")


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    nip = factory.LazyFunction(make_nip)
    nama = factory.Faker("name", locale="id_ID")
    status = Pegawai.Status.PNS
    jenis_kelamin = factory.LazyAttribute(lambda o: "L" if o.nip[14] == "1" else "P")
    tanggal_lahir = factory.LazyAttribute(lambda o: date(int(o.nip[:4]), int(o.nip[4:6]), int(o.nip[6:8])))
    golongan = factory.LazyFunction(lambda: Golongan.objects.get(jenis="PNS", kode="III/a"))
    jabatan = factory.SubFactory(JabatanFactory)
    unit_kerja = factory.SubFactory(UnitKerjaFactory)
    user = factory.LazyAttribute(lambda o: UserFactory(username=o.nip))


def hr_user(instansi: Instansi, username: str | None = None) -> User:
    user = UserFactory(username=username or f"hr-{instansi.kode}", instansi=instansi)
    user.groups.add(Group.objects.get_or_create(name="HR")[0])
    return user


def build_org():
    """Named actors for the three-actor permission matrix (style.md §4)."""
    instansi = InstansiFactory()
    bidang = UnitKerjaFactory(instansi=instansi, kode="B1", nama="Bidang Satu", level=UnitKerja.Level.BIDANG)
    seksi = UnitKerjaFactory(instansi=instansi, parent=bidang, kode="S1", nama="Seksi Satu")
    seksi2 = UnitKerjaFactory(instansi=instansi, parent=bidang, kode="S2", nama="Seksi Dua")
    kabid = PegawaiFactory(unit_kerja=bidang, jabatan=JabatanFactory(nama="Kepala Bidang", jenis="ADMINISTRATOR"))
    atasan = PegawaiFactory(
        unit_kerja=seksi, atasan=kabid, jabatan=JabatanFactory(nama="Kepala Seksi", jenis="PENGAWAS")
    )
    atasan2 = PegawaiFactory(
        unit_kerja=seksi2, atasan=kabid, jabatan=JabatanFactory(nama="Kepala Seksi", jenis="PENGAWAS")
    )
    pegawai = PegawaiFactory(unit_kerja=seksi, atasan=atasan)
    rekan = PegawaiFactory(unit_kerja=seksi, atasan=atasan)
    lain = PegawaiFactory(unit_kerja=seksi2, atasan=atasan2)
    bidang.kepala, seksi.kepala, seksi2.kepala = kabid, atasan, atasan2
    for u in (bidang, seksi, seksi2):
        u.save()
    other_instansi = InstansiFactory()
    other_unit = UnitKerjaFactory(instansi=other_instansi, kode="X1")
    asing = PegawaiFactory(unit_kerja=other_unit)
    return SimpleNamespace(
        instansi=instansi,
        bidang=bidang,
        seksi=seksi,
        seksi2=seksi2,
        kabid=kabid,
        atasan=atasan,
        atasan2=atasan2,
        pegawai=pegawai,
        rekan=rekan,
        lain=lain,
        hr=hr_user(instansi),
        other_instansi=other_instansi,
        other_unit=other_unit,
        asing=asing,
        hr_other=hr_user(other_instansi),
    )


def actor_user(org, actor: str) -> User | None:
    """The User of a named actor of ``build_org()``: a pegawai's account, HR's own user, "admin" a superuser,
    "anon" None. The one mapping every actor matrix uses (``login_as``, the ``as_actor`` fixture)."""
    if actor == "anon":
        return None
    if actor == "admin":
        return UserFactory(username="root", is_superuser=True, is_staff=True)
    obj = getattr(org, actor)
    return obj if isinstance(obj, User) else obj.user


def login_as(client, org, actor: str):
    """Log ``client`` in as a named actor of ``build_org()`` ("anon" stays logged out, "admin" is a superuser)."""
    user = actor_user(org, actor)
    if user is not None:
        client.force_login(user)
    return client
