import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_employee_gets_404_for_another_employees_detail(client, org):
    client.force_login(org.pegawai.user)
    assert client.get(reverse("pegawai:detail", args=[org.rekan.pk])).status_code == 404
    assert client.get(reverse("pegawai:detail", args=[org.pegawai.pk])).status_code == 200


def test_supervisor_sees_only_subordinates(client, org):
    client.force_login(org.atasan.user)
    assert client.get(reverse("pegawai:detail", args=[org.pegawai.pk])).status_code == 200
    assert client.get(reverse("pegawai:detail", args=[org.lain.pk])).status_code == 404
    page = client.get(reverse("pegawai:tim-saya")).content.decode()
    assert org.pegawai.nip in page and org.lain.nip not in page


def test_hr_scoped_to_own_instansi(client, org):
    client.force_login(org.hr)
    assert client.get(reverse("pegawai:detail", args=[org.lain.pk])).status_code == 200
    assert client.get(reverse("pegawai:detail", args=[org.asing.pk])).status_code == 404
    assert client.get(reverse("pegawai:update", args=[org.asing.pk])).status_code == 404


def test_employee_cannot_open_hr_pages(client, org):
    client.force_login(org.pegawai.user)
    assert client.get(reverse("pegawai:list")).status_code == 403
