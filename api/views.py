"""REST API v1 (issue 16). Every queryset comes from the selector the pages use; writes go through the
pages' services, so scope, rules and messages are the same. Outside the scope: 404."""
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from harian import selectors as harian_selectors
from harian import services as harian_services
from harian.models import KegiatanHarian
from kinerja.audit import audit_log
from pegawai import access
from pegawai.models import Instansi, Pegawai, UnitKerja
from pelatihan import selectors as pelatihan_selectors
from pelatihan import services as pelatihan_services
from pelatihan.models import RiwayatPengembangan
from penilaian import access as penilaian_access
from penilaian.evaluasi import services as evaluasi_services
from penilaian.evaluasi.selectors import penilaian_penentu_qs
from penilaian.models import BuktiDukung, IndikatorKinerja, Penilaian, Periode, Realisasi, RencanaHasilKerja, Skp
from penilaian.rekan.selectors import agregat_masukan

from . import filters, serializers
from .auth import token_of
from .models import TokenIntegrasi


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
def not_found(request):
    raise NotFound


class Pagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


class ApiViewMixin:
    """Shared behaviour: pagination, filters, and one audit row per token request."""

    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    ordering_fields = ["id"]
    write_scope: str | None = None
    lookup_value_regex = r"[0-9]{1,18}"  # ids only: anything else is 404 from the URL, not an overflow

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        token = token_of(request)
        if token is not None:
            # One row per request: a write is attributable to the exact call, a read to its path.
            audit_log(aktor=token.user, aksi="api.token_used", objek=token, data={
                "method": request.method, "path": request.get_full_path()[:300], "status": response.status_code,
            })
        return response

    def own_pegawai(self):
        p = access.peran(self.request.user).pegawai
        if p is None:
            raise PermissionDenied(_("Tindakan ini hanya untuk pegawai atas nama dirinya sendiri."))
        return p


class InstansiViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Instansi.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.InstansiSerializer
    filter_backends = [OrderingFilter]

    def get_queryset(self):
        r = access.peran(self.request.user)
        qs = Instansi.objects.order_by("kode", "pk")
        return qs if r.is_admin else qs.filter(pk=r.instansi_id)


class UnitKerjaViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """The unit tree of the instansi (HR and admin, as the unit page): ``parent`` gives the tree."""

    queryset = UnitKerja.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.UnitKerjaSerializer
    filterset_class = filters.UnitKerjaFilter

    def get_queryset(self):
        return access.units_managed_by(self.request.user).order_by("instansi_id", "kode", "pk")


class PegawaiViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Search by NIP or nama with ``q``; filters as on the pegawai list page."""

    queryset = Pegawai.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.PegawaiSerializer
    filterset_class = filters.ApiPegawaiFilter
    ordering_fields = ["id", "nama", "nip"]

    def get_queryset(self):
        return access.pegawai_visible_to(self.request.user).order_by("nama", "nip")


class SkpViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Skp.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.SkpSerializer
    filterset_class = filters.SkpFilter

    def get_queryset(self):
        rhk = RencanaHasilKerja.objects.prefetch_related("iki")
        return penilaian_access.skp_visible_to(self.request.user).prefetch_related(
            Prefetch("rhk", queryset=rhk)).order_by("-tahun", "pegawai__nama", "pk")


class PeriodeViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Periode.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.PeriodeSerializer
    filterset_class = filters.PeriodeFilter

    def get_queryset(self):
        r = access.peran(self.request.user)
        qs = Periode.objects.order_by("-tahun", "tanggal_mulai", "pk")
        return qs if r.is_admin else qs.filter(instansi_id=r.instansi_id)


class PenilaianViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Evaluations with ratings and predikat. Writes: the owner's realisasi and bukti dukung while open."""

    queryset = Penilaian.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.PenilaianSerializer
    filterset_class = filters.PenilaianFilter
    write_scope = TokenIntegrasi.Scope.WRITE_EVALUASI

    def get_queryset(self):
        return (penilaian_access.penilaian_visible_to(self.request.user)
                .prefetch_related(Prefetch("realisasi", queryset=Realisasi.objects.order_by("iki_id")))
                .order_by("-periode__tahun", "periode__tanggal_mulai", "pk"))

    def _own(self, pk) -> Penilaian:
        return penilaian_access.get_penilaian_for(self.request.user, pk, as_pegawai=True)

    @extend_schema(responses=serializers.AgregatRekanSerializer)
    @action(detail=True, methods=["get"], url_path="masukan-rekan")
    def masukan_rekan(self, request, pk=None):
        """The released peer aggregate, to the (acting) pejabat penilai only, as on the evaluation page;
        anyone else, the appraised pegawai and HR included, gets 404. Fewer than 3 answers: not released."""
        penilaian = penilaian_access.get_penilaian_for(request.user, pk, as_penilai=True)
        agregat = agregat_masukan(penilaian)
        data = {"dirilis": agregat is not None, "jumlah_jawaban": agregat.jumlah_jawaban if agregat else 0,
                "baris": agregat.baris if agregat else [], "komentar": agregat.komentar if agregat else []}
        return Response(serializers.AgregatRekanSerializer(data).data)

    @extend_schema(request=serializers.RealisasiWriteSerializer, responses=serializers.PenilaianSerializer)
    @action(detail=True, methods=["post"])
    def realisasi(self, request, pk=None):
        """Set the realisasi of one IKI of the caller's own evaluation (status Draf)."""
        penilaian = self._own(pk)
        s = serializers.RealisasiWriteSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        evaluasi_services.penilaian_save_isian(
            penilaian=penilaian, versi=d["versi"], rencana_aksi={},
            realisasi={d["iki"]: (d.get("nilai"), d.get("teks", ""))}, oleh=request.user)
        return Response(serializers.PenilaianSerializer(self.get_queryset().get(pk=penilaian.pk)).data)

    @extend_schema(request=serializers.BuktiSerializer, responses={201: serializers.BuktiSerializer})
    @action(detail=True, methods=["post"])
    def bukti(self, request, pk=None):
        """Add a link as bukti dukung to one IKI of the caller's own open evaluation."""
        penilaian = self._own(pk)
        s = serializers.BuktiSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        iki = get_object_or_404(IndikatorKinerja.objects.select_related("rhk"), pk=d["iki"],
                                rhk__skp_id=penilaian.skp_id)
        bukti = evaluasi_services.bukti_add(penilaian=penilaian, iki=iki, oleh=request.user, url=d["url"],
                                            keterangan=d.get("keterangan", ""))
        out = {"id": bukti.pk, "iki": iki.pk, "url": bukti.url, "keterangan": bukti.keterangan}
        return Response(serializers.BuktiSerializer(out).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"bukti/(?P<bukti_pk>\d+)")
    def bukti_hapus(self, request, pk=None, bukti_pk=None):
        penilaian = self._own(pk)
        bukti = get_object_or_404(BuktiDukung.objects.select_related("realisasi"), pk=bukti_pk,
                                  realisasi__penilaian=penilaian)
        bukti.realisasi.penilaian = penilaian
        evaluasi_services.bukti_delete(bukti=bukti, oleh=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PredikatTahunanViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """The annual predikat: one row per pegawai and year, the evaluation that decides it (domain.md §11.2
    rule 1: the Akhir evaluation of the year's last SKP, ``penilaian_penentu_qs``), in scope."""

    queryset = Penilaian.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.PredikatTahunanSerializer
    filterset_class = filters.PenilaianFilter

    def get_queryset(self):
        return (penilaian_penentu_qs(penilaian_access.penilaian_visible_to(self.request.user))
                .order_by("-periode__tahun", "skp__pegawai__nama", "pk"))


class RiwayatViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Training records with JP. Create: the caller's own record, with its certificate (multipart)."""

    queryset = RiwayatPengembangan.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.RiwayatSerializer
    filterset_class = filters.RiwayatFilter
    write_scope = TokenIntegrasi.Scope.WRITE_PELATIHAN

    def get_queryset(self):
        return pelatihan_selectors.riwayat_visible_to(self.request.user).order_by("-tanggal_selesai", "-pk")

    @extend_schema(request={"multipart/form-data": serializers.RiwayatWriteSerializer},
                   responses={201: serializers.RiwayatSerializer})
    def create(self, request, *args, **kwargs):
        pegawai = self.own_pegawai()
        s = serializers.RiwayatWriteSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        data = dict(s.validated_data)
        berkas = data.pop("sertifikat", None)
        r = pelatihan_services.riwayat_create(pegawai=pegawai, data=data, berkas=berkas, oleh=request.user)
        return Response(serializers.RiwayatSerializer(self.get_queryset().get(pk=r.pk)).data,
                        status=status.HTTP_201_CREATED)


class KegiatanViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """Daily activities in scope (own, team, instansi). Create, edit and delete: the caller's own only."""

    queryset = KegiatanHarian.objects.none()  # the model, for the schema; rows come from get_queryset
    serializer_class = serializers.KegiatanSerializer
    filterset_class = filters.KegiatanFilter
    write_scope = TokenIntegrasi.Scope.WRITE_HARIAN
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return harian_selectors.kegiatan_visible_to(self.request.user).order_by("-tanggal", "-pk")

    def _data(self, validated: dict, lama: KegiatanHarian | None = None) -> harian_services.DataKegiatan:
        def ambil(name, default=None):
            return validated[name] if name in validated else getattr(lama, name, default)

        return harian_services.DataKegiatan(
            tanggal=ambil("tanggal"), uraian=ambil("uraian", ""), kuantitas=ambil("kuantitas"),
            satuan=validated.get("satuan", lama.satuan if lama else "") or "",
            iki=ambil("iki"), bukti_url=ambil("bukti_url", "") or "", jam_mulai=ambil("jam_mulai"),
            jam_selesai=ambil("jam_selesai"), rencana_aksi=ambil("rencana_aksi"))

    def _out(self, kegiatan, code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_queryset().get(pk=kegiatan.pk)).data, status=code)

    def create(self, request, *args, **kwargs):
        pegawai = self.own_pegawai()
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        k = harian_services.kegiatan_create(pegawai=pegawai, data=self._data(s.validated_data), oleh=request.user)
        return self._out(k, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        lama = harian_selectors.get_kegiatan_for(request.user, kwargs["pk"], edit=True)
        s = self.get_serializer(lama, data=request.data, partial=partial)
        s.is_valid(raise_exception=True)
        k = harian_services.kegiatan_update(kegiatan=lama, data=self._data(s.validated_data, lama), oleh=request.user)
        return self._out(k)

    def destroy(self, request, *args, **kwargs):
        k = harian_selectors.get_kegiatan_for(request.user, kwargs["pk"], edit=True)
        harian_services.kegiatan_delete(kegiatan=k, oleh=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
