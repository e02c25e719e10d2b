"""Associations: the published entries of the association map, with the
map page's own filters (website.associations.forms.FilterForm) and its
GeoJSON. Only public fields; the representative's name and e-mail never."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action

from website.associations import views as map_views
from website.associations.forms import FilterForm
from website.associations.models import Association, AssociationMapPage

from .base import LANG_PARAMETER, ReadOnlyViewSet


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    slug = serializers.CharField()
    name = serializers.CharField()


class AssociationSerializer(serializers.ModelSerializer):
    name = serializers.CharField()
    description = serializers.CharField()
    accessibility = serializers.CharField(help_text=_("Accessibility of the venue."))
    languages = serializers.SerializerMethodField(
        help_text=_("Languages the association serves in.")
    )
    municipalities = MunicipalitySerializer(many=True)
    themes = TermSerializer(many=True)
    target_groups = TermSerializer(many=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Association
        fields = [
            "slug",
            "name",
            "name_fi",
            "name_sv",
            "description",
            "municipalities",
            "themes",
            "target_groups",
            "languages",
            "email",
            "phone",
            "website",
            "street_address",
            "postal_code",
            "city",
            "latitude",
            "longitude",
            "accessibility",
            "is_demo",
            "updated_at",
            "url",
        ]

    def get_languages(self, association) -> list[str]:
        return [str(name) for name in association.languages]

    def get_url(self, association) -> str | None:
        base = self.context.get("map_url")
        return f"{base}{association.slug}/" if base else None


FILTER_PARAMETERS = [
    LANG_PARAMETER,
    OpenApiParameter("q", str, description=_("Words in the name or description.")),
    OpenApiParameter("municipality", str, description=_("A municipality's slug.")),
    OpenApiParameter("theme", str, description=_("A theme's slug.")),
    OpenApiParameter("target_group", str, description=_("A target group's slug.")),
    OpenApiParameter(
        "language",
        str,
        enum=["fi", "sv", "en"],
        description=_("Serves in this language."),
    ),
]


@extend_schema_view(
    list=extend_schema(
        summary=_("Associations"),
        description=_(
            "Published associations and organisations, with the association "
            "map's filters."
        ),
        parameters=FILTER_PARAMETERS,
        tags=["associations"],
    ),
    retrieve=extend_schema(
        summary=_("One association"),
        parameters=[LANG_PARAMETER],
        tags=["associations"],
    ),
    geojson=extend_schema(
        summary=_("Associations as GeoJSON"),
        description=_(
            "Associations with coordinates as a GeoJSON FeatureCollection "
            "(RFC 7946, longitude first), with the same filters; not paginated."
        ),
        parameters=FILTER_PARAMETERS,
        responses={(200, "application/geo+json"): OpenApiTypes.OBJECT},
        tags=["associations"],
    ),
)
class AssociationViewSet(ReadOnlyViewSet):
    serializer_class = AssociationSerializer
    lookup_field = "slug"
    queryset = Association.objects.none()
    filter_backends = []

    def map_page(self):
        if not hasattr(self, "_map_page"):
            self._map_page = (
                AssociationMapPage.objects.live().filter(locale=self.locale).first()
            )
        return self._map_page

    def get_queryset(self):
        associations = Association.objects.published().for_list()
        if self.action == "list":
            associations = FilterForm(self.request.query_params or None).filter(
                associations
            )
        return associations.order_by("name_fi", "pk")

    def get_serializer_context(self):
        page = self.map_page()
        return {
            **super().get_serializer_context(),
            "map_url": page.get_full_url(self.request) if page else None,
        }

    @action(detail=False, url_path="geojson")
    def geojson(self, request):
        page = self.map_page()
        if page is None:
            raise Http404
        return map_views.geojson(page, request._request)
