"""Dates and months in words follow the active language (issue 13: one formatter)."""
from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from kinerja import format as fmt


@pytest.mark.parametrize("lang, hasil", [
    ("id", ("1 Desember 2026", "Desember 2026", "1 Januari 2026 – 31 Desember 2026", "17 Agustus", "Mei")),
    ("en", ("1 December 2026", "December 2026", "1 January 2026 – 31 December 2026", "17 August", "May")),
])
def test_dates_and_months_use_the_active_language(lang, hasil):
    with translation.override(lang):
        assert (
            fmt.tanggal(date(2026, 12, 1)), fmt.bulan(date(2026, 12, 5)),
            fmt.rentang(date(2026, 1, 1), date(2026, 12, 31)), fmt.hari_bulan(date(2026, 8, 17)), fmt.nama_bulan(5),
        ) == hasil


def test_stored_names_can_ask_for_indonesian_whatever_the_active_language():
    with translation.override("en"):
        assert fmt.nama_bulan(12, lang="id") == "Desember"


def test_no_date_gives_empty_text_and_an_aware_datetime_is_read_in_local_time():
    assert fmt.tanggal(None) == "" and fmt.bulan(None) == ""
    # 31 Dec 20:00 UTC is already 1 January in Jakarta (settings TIME_ZONE)
    with translation.override("id"):
        assert fmt.tanggal(datetime(2026, 12, 31, 20, 0, tzinfo=UTC)) == "1 Januari 2027"
