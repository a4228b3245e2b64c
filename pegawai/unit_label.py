"""One label for a unit kerja wherever a user picks or reads one: "kode — nama (induk)".

Many units share a name ("Seksi Perencanaan" in every bidang); the code and the parent tell them apart.
Querysets given to the fields below get ``select_related("parent")`` so the label costs no query per row.
"""
import django_filters
from django import forms

from kinerja.forms import PilihanDimuat


def label_unit(unit) -> str:
    if unit is None:
        return ""
    label = f"{unit.kode} — {unit.nama}"
    if unit.parent_id:
        label += f" ({unit.parent.nama})"
    return label


def _with_parent(queryset):
    return queryset.select_related("parent") if queryset is not None else queryset


class UnitChoiceField(PilihanDimuat, forms.ModelChoiceField):
    """A unit <select> whose options read "kode — nama (induk)", in one query (none when the page gives it
    the units it loaded, ``pilihan``)."""

    def __init__(self, queryset, *args, **kwargs):
        super().__init__(_with_parent(queryset), *args, **kwargs)
        self.widget.attrs.setdefault("data-saring", "")  # static/js/cari_pegawai.js: a filter box over a long list

    def _set_queryset(self, queryset):
        forms.ModelChoiceField.queryset.fset(self, _with_parent(queryset))

    queryset = property(forms.ModelChoiceField.queryset.fget, _set_queryset)

    def label_from_instance(self, obj):
        return label_unit(obj)


class UnitChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = UnitChoiceField
