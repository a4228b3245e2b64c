"""kinerja.web: query parameters are parsed strictly (ASCII digits, bounded) and bad values fall back."""
import pytest
from django.test import RequestFactory
from django.utils import timezone

from kinerja.web import (
    id_list,
    id_param,
    int_param,
    is_htmx,
    paginate,
    parse_int,
    tahun_param,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12", 12), (" 7 ", 7), ("0", 0),
        ("²", None),          # str.isdigit() accepts it, int() refuses it: the original 500
        ("١٢", None),         # Arabic-Indic digits: int() would accept them silently
        ("１２", None),        # full-width digits
        ("-1", None), ("1.5", None), ("1e3", None), ("", None), ("x", None), ("\x00", None), (None, None),
        ("9" * 19, None),      # above the BigAutoField range
        ("9" * 5000, None),    # int() would raise on the digit limit
        ("9223372036854775807", 2**63 - 1),
    ],
)
def test_parse_int_accepts_only_bounded_ascii_digits(value, expected):
    assert parse_int(value) == expected


def test_negative_numbers_only_within_the_bounds():
    assert parse_int("-3", min_value=-5) == -3
    assert parse_int("-6", min_value=-5) is None


@pytest.mark.parametrize(
    "value, expected", [("2026", 2026), ("1999", None), ("2101", None), ("²", None), ("20²6", None)]
)
def test_tahun_param_keeps_years_in_range_else_the_current_year(rf, value, expected):
    request = rf.get("/", {"tahun": value})
    assert tahun_param(request) == (expected or timezone.localdate().year)
    assert tahun_param(request, default=2020) == (expected or 2020)


def test_id_params_are_positive(rf):
    assert id_param(rf.get("/", {"unit": "5"}), "unit") == 5
    assert id_param(rf.get("/", {"unit": "0"}), "unit") is None
    assert id_param(rf.post("/", {"induk": "x"}), "induk", source=rf.post("/", {"induk": "x"}).POST) is None
    assert int_param(rf.get("/", {"n": "40"}), "n", default=3, min_value=1, max_value=30) == 3
    assert id_list(["1", "²", "", "-2", "3", "9" * 30]) == [1, 3]


@pytest.mark.parametrize("page, number", [("2", 2), ("-1", 1), ("²", 1), ("999", 4), ("abc", 1), ("9" * 40, 1)])
def test_paginate_never_fails_on_a_bad_page(page, number):
    request = RequestFactory().get("/", {"page": page})
    assert paginate(request, list(range(100)), 25).number == number


def test_is_htmx():
    assert is_htmx(RequestFactory().get("/", HTTP_HX_REQUEST="true"))
    assert not is_htmx(RequestFactory().get("/"))


def _with_messages(request):
    from django.contrib.messages.storage.fallback import FallbackStorage

    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_error_message_joins_the_service_messages_into_one_flash(rf):
    from django.contrib import messages
    from django.core.exceptions import ValidationError

    from kinerja.web import error_message

    request = _with_messages(rf.post("/"))
    error_message(request, ValidationError(["SKP belum disetujui.", "Periode terkunci."]), suffix="Coba lagi.")
    error_message(request, ValidationError("Berkas kosong."), level=messages.WARNING)
    shown = [(m.level, m.message) for m in messages.get_messages(request)]
    assert shown == [
        (messages.ERROR, "SKP belum disetujui. Periode terkunci. Coba lagi."),
        (messages.WARNING, "Berkas kosong."),
    ]


def test_errors_to_form_puts_field_errors_on_their_field_and_the_rest_on_the_form():
    from django import forms
    from django.core.exceptions import ValidationError

    from kinerja.web import errors_to_form

    class F(forms.Form):
        nama = forms.CharField(required=False)

    form = F({"nama": "x"})
    assert form.is_valid()
    errors_to_form(form, ValidationError({"nama": "Nama sudah dipakai.", "lain": "Tanggal salah."}))
    errors_to_form(form, ValidationError(["Periode terkunci."]))
    assert form.errors["nama"] == ["Nama sudah dipakai."]
    assert form.non_field_errors() == ["Tanggal salah.", "Periode terkunci."]
    assert "nama" not in form.cleaned_data
