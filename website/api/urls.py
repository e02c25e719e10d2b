"""/api/v1/: outside i18n_patterns; the language comes from ?lang= or
Accept-Language (website.api.base)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import associations, indicators, plan, programs

app_name = "api"

router = SimpleRouter()
router.register("measures", plan.MeasureViewSet, basename="measure")
router.register("indicators", indicators.IndicatorViewSet, basename="indicator")
router.register("areas", indicators.AreaViewSet, basename="area")
router.register(
    "programme-status-cards", programs.StatusCardViewSet, basename="status-card"
)
router.register("associations", associations.AssociationViewSet, basename="association")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("plan/", plan.PlanView.as_view(), name="plan"),
    *router.urls,
    # The participation side's endpoints: website code does not import them.
    path("", include("participation.workshops.api")),
    path("", include("participation.analytics.api")),
]
