"""Upcoming workshops in the open data API (website/api, docs/api.md):
time, place, languages, themes, goals and the seats left. Never who signed
up: sign-ups are only counted, the same way as on the workshop page
(services.seats_by_source)."""

from django.conf import settings
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from website.api.base import LANG_PARAMETER, ReadOnlyViewSet
from website.plan.models import GoalPage

from . import services
from .models import Venue, WorkshopPage


class WorkshopThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class WorkshopSerializer(serializers.ModelSerializer):
    introduction = serializers.SerializerMethodField(help_text=_("HTML."))
    venue = serializers.ChoiceField(choices=Venue.choices)
    venue_label = serializers.CharField(source="get_venue_display")
    online = serializers.SerializerMethodField(
        help_text=_("Can be joined online (the link is sent to those signed up).")
    )
    languages = serializers.SerializerMethodField(
        help_text=_("Languages of the workshop (fi, sv, en).")
    )
    themes = serializers.SerializerMethodField()
    goals = serializers.SerializerMethodField(
        help_text=_("Ids of the plan goals (in the same language) it works on.")
    )
    capacity = serializers.SerializerMethodField()
    seats_free = serializers.SerializerMethodField(help_text=_("Seats left."))
    signup_state = serializers.SerializerMethodField(
        help_text=_("not_open, open or closed.")
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = WorkshopPage
        fields = [
            "id",
            "title",
            "introduction",
            "starts_at",
            "ends_at",
            "venue",
            "venue_label",
            "address",
            "online",
            "languages",
            "audience",
            "themes",
            "goals",
            "capacity",
            "seats_free",
            "signup_state",
            "signup_opens",
            "signup_closes",
            "url",
        ]

    def _source(self, workshop):
        return self.context["sources"].get(workshop.translation_key, workshop)

    def get_introduction(self, workshop) -> str:
        return expand_db_html(workshop.introduction)

    def get_online(self, workshop) -> bool:
        return workshop.venue != Venue.PLACE

    def get_languages(self, workshop) -> list[str]:
        return [
            code for code in ("fi", "sv", "en") if getattr(workshop, f"language_{code}")
        ]

    def get_themes(self, workshop) -> WorkshopThemeSerializer(many=True):
        return [
            {"slug": theme.slug, "name": theme.name}
            for theme in self._source(workshop).themes.all()
        ]

    def get_goals(self, workshop) -> list[int]:
        goal_ids = self.context["goal_ids"]
        return sorted(
            goal_ids[goal.translation_key]
            for goal in self._source(workshop).goals.all()
            if goal.translation_key in goal_ids
        )

    def get_capacity(self, workshop) -> int:
        return self._source(workshop).capacity

    def get_seats_free(self, workshop) -> int:
        return self.context["seats"][self._source(workshop).pk].free

    def get_signup_state(self, workshop) -> str:
        return workshop.signup_state()

    def get_url(self, workshop) -> str:
        return workshop.get_full_url(self.context["request"])


def workshop_context(workshops, request):
    """Sources (the Finnish pages that own the seats), their seats, themes and
    goals for a page of workshops, in a fixed number of queries."""
    fi = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    sources = {
        source.translation_key: source
        for source in WorkshopPage.objects.filter(
            locale=fi, translation_key__in=[w.translation_key for w in workshops]
        ).prefetch_related("themes", "goals")
    }
    locale_ids = {workshop.locale_id for workshop in workshops}
    goal_keys = {
        goal.translation_key
        for source in sources.values()
        for goal in source.goals.all()
    }
    goal_ids = dict(
        GoalPage.objects.live()
        .filter(locale_id__in=locale_ids, translation_key__in=goal_keys)
        .values_list("translation_key", "pk")
    )
    return {
        "sources": sources,
        "seats": services.seats_by_source(sources.values()),
        "goal_ids": goal_ids,
    }


@extend_schema_view(
    list=extend_schema(
        summary=_("Upcoming workshops"),
        description=_(
            "Workshops that have not ended, soonest first, with the seats left. "
            "Who has signed up is never published."
        ),
        parameters=[LANG_PARAMETER],
        tags=["participation"],
    ),
    retrieve=extend_schema(
        summary=_("One upcoming workshop"),
        parameters=[LANG_PARAMETER],
        tags=["participation"],
    ),
)
class WorkshopViewSet(ReadOnlyViewSet):
    serializer_class = WorkshopSerializer
    queryset = WorkshopPage.objects.none()
    filter_backends = []

    def get_queryset(self):
        return (
            WorkshopPage.objects.live()
            .filter(locale=self.locale, ends_at__gte=timezone.now())
            .order_by("starts_at", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        if args:
            instances = args[0] if kwargs.get("many") else [args[0]]
            kwargs["context"] = {
                **self.get_serializer_context(),
                **workshop_context(list(instances), self.request),
            }
        return super().get_serializer(*args, **kwargs)


urlpatterns = [
    path(
        "workshops/",
        WorkshopViewSet.as_view({"get": "list"}),
        name="workshop-list",
    ),
    path(
        "workshops/<int:pk>/",
        WorkshopViewSet.as_view({"get": "retrieve"}),
        name="workshop-detail",
    ),
]
