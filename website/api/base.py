"""What every API view shares: the language (``?lang=fi|sv``, else the
``Accept-Language`` header as LocaleMiddleware read it), read-only methods
and the ``lang`` parameter in the schema."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.views import APIView
from wagtail.models import Locale

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.LANGUAGES],
    description=_(
        "Language of the texts (fi or sv). Without it, the Accept-Language "
        "header decides; Finnish by default."
    ),
)


class LanguageMixin:
    """Activates the requested language before the view runs and says which
    language the answer is in (Content-Language)."""

    def initial(self, request, *args, **kwargs):
        language = request.query_params.get("lang")
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)

    @property
    def language(self):
        return translation.get_language()

    @property
    def locale(self):
        if not hasattr(self, "_locale"):
            self._locale = Locale.objects.get(language_code=self.language)
        return self._locale

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ("Accept-Language",))
        return response


class ReadOnlyViewSet(LanguageMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ReadOnlyView(LanguageMixin, APIView):
    http_method_names = ["get", "head", "options"]
