import pytest

from kontrak.tests.factories import pppk


@pytest.fixture
def pw(org):
    """A PPPK Paruh Waktu in org's seksi, supervised by its kepala seksi, with an account."""
    return pppk(unit_kerja=org.seksi, atasan=org.atasan)
