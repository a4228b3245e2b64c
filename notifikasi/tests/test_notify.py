"""``notify`` owns the after-commit rule: the in-app row lives in the caller's transaction, the e-mail
leaves only once that transaction commits."""
import pytest
from django.db import transaction

from notifikasi.models import Notifikasi
from notifikasi.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def penerima(org):
    user = org.pegawai.user
    user.email = "pegawai@example.go.id"
    user.save()
    return user


def test_row_rolls_back_with_the_callers_transaction_and_no_email_is_queued(
    penerima, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            notify(penerima=penerima, judul="SKP disetujui", pesan="", email=True)
            assert Notifikasi.objects.filter(penerima=penerima).exists()  # visible inside the transaction
            raise RuntimeError("the caller fails after notifying")
    assert not Notifikasi.objects.exists()
    assert callbacks == [] and mailoutbox == []


def test_email_leaves_only_after_commit(penerima, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(penerima=penerima, judul="SKP disetujui", pesan="Selamat bekerja.", email=True)
    n = Notifikasi.objects.get()
    assert n.status_email == Notifikasi.StatusEmail.PENDING and mailoutbox == []
    for callback in callbacks:  # the commit
        callback()
    n.refresh_from_db()
    assert n.status_email == Notifikasi.StatusEmail.SENT
    assert [m.subject for m in mailoutbox] == ["[Kinerja] SKP disetujui"]


def test_nobody_to_tell_writes_nothing(db):
    notify(penerima=None, judul="Tanpa akun", pesan="")
    assert not Notifikasi.objects.exists()
