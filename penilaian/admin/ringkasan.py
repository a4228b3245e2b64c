"""Admin edits reach the summary rows (``penilaian.ringkasan``) as the services' writes do: a save or
delete in the admin marks the units whose counts it may change, before and after the edit, so the next HR
read recounts them instead of waiting for the nightly rebuild."""
from pegawai.models import Pegawai
from penilaian.models import Penilaian, Periode, Skp
from penilaian.ringkasan import tandai_instansi, tandai_unit


def _unit_skp(skp_qs) -> set[int]:
    """The units an SKP counts in: its pegawai's (completion, SKP status) and its own (distribution)."""
    return {u for pair in skp_qs.values_list("pegawai__unit_kerja_id", "unit_kerja_id") for u in pair if u}


class TandaiRingkasan:
    """Mixin for the ModelAdmin of a model the summary rows count (SKP, Penilaian, Pegawai, Periode)."""

    def _tandai(self, qs):
        """What to mark for these rows, read now (before a change or a delete) and applied when called."""
        model = qs.model
        if model is Periode:
            tahun = set(qs.values_list("instansi_id", "tahun"))
            return lambda: [tandai_instansi(i, t) for i, t in tahun]
        if model is Pegawai:
            skp = Skp.objects.filter(pegawai__in=qs)
            units = set(qs.values_list("unit_kerja_id", flat=True)) | _unit_skp(skp)
        else:
            units = _unit_skp(Skp.objects.filter(pk__in=qs.values("skp_id")) if model is Penilaian else qs)
        return lambda: tandai_unit(*units)

    def save_model(self, request, obj, form, change):
        lama = self._tandai(type(obj).objects.filter(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        if lama:
            lama()
        self._tandai(type(obj).objects.filter(pk=obj.pk))()

    def delete_model(self, request, obj):
        tandai = self._tandai(type(obj).objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        tandai()

    def delete_queryset(self, request, queryset):
        tandai = self._tandai(queryset)
        super().delete_queryset(request, queryset)
        tandai()
