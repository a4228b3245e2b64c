"""Every unit choice reads "kode — nama (induk)", in a fixed number of queries."""
import pytest
from django.urls import reverse

from pegawai.models import UnitKerja
from pegawai.tests.factories import UnitKerjaFactory
from pegawai.unit_label import UnitChoiceField, label_unit

pytestmark = pytest.mark.django_db


def test_label_names_code_name_and_parent(org):
    assert label_unit(org.seksi) == "S1 — Seksi Satu (Bidang Satu)"
    assert org.bidang.label_lengkap == "B1 — Bidang Satu"


def test_choice_field_labels_in_one_query(org, django_assert_max_num_queries):
    for i in range(20):
        UnitKerjaFactory(instansi=org.instansi, parent=org.bidang, kode=f"T{i:02d}", nama="Seksi Perencanaan")
    field = UnitChoiceField(queryset=UnitKerja.objects.filter(instansi=org.instansi))
    with django_assert_max_num_queries(1):
        labels = [label for _value, label in field.choices]
    assert "T05 — Seksi Perencanaan (Bidang Satu)" in labels


@pytest.mark.parametrize("name, args, field", [
    ("pegawai:create", [], "unit_kerja"),
    ("pegawai:list", [], "unit_kerja"),
    ("pegawai:plt-list", [], "unit_kerja"),
    ("pelatihan:antrean", [], "pegawai__unit_kerja"),
    ("pelatihan:laporan", [], "unit_kerja"),
    ("pegawai:mutasi", ["pegawai"], "unit_kerja"),
])
def test_unit_selects_show_full_label(client, org, name, args, field):
    client.force_login(org.hr)
    url = reverse(name, args=[getattr(org, a).pk for a in args])
    html = client.get(url).content.decode()
    assert f'name="{field}"' in html
    assert "S2 — Seksi Dua (Bidang Satu)" in html


def test_employee_list_column_shows_full_label(client, org):
    client.force_login(org.hr)
    html = client.get(reverse("pegawai:list")).content.decode()
    assert "<td>S1 — Seksi Satu (Bidang Satu)</td>" in html
