import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from website.associations.models import Association
from website.core.antispam import SpamProtectedForm
from website.core.organisations import normalise_business_id, validate_business_id
from website.indicators.models import Area

from .models import FREE_TEXT_MAX, OrganisationType

# The most lines the attendees box is read for (the party limits of the
# workshop are far smaller; this only bounds the work on a hostile post).
MAX_LINES = 200
# Characters of the attendees box: about 100 a line (audit 13: no unbounded
# text).
ATTENDEES_MAX = MAX_LINES * 100


class SignUpForm(SpamProtectedForm, forms.Form):
    rate_limit_action = "workshop_signup"

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput, initial=uuid.uuid4, required=False
    )
    association = forms.ModelChoiceField(
        queryset=Association.objects.none(),
        required=False,
        label=_("Sign up on behalf of"),
        empty_label=_("Myself (not on behalf of an association)"),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The confirmation and the cancel link are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation_type = forms.ChoiceField(
        label=_("You represent"),
        choices=OrganisationType.choices,
        initial=OrganisationType.RESIDENT,
    )
    organisation_name = forms.CharField(
        label=_("Name of the organisation"), max_length=200, required=False
    )
    business_id = forms.CharField(
        label=_("Business ID (optional)"),
        max_length=20,
        required=False,
        help_text=_("For example 1234567-8."),
    )
    municipality = forms.ModelChoiceField(
        queryset=Area.objects.none(),
        required=False,
        label=_("Municipality"),
        empty_label=_("Not given"),
    )
    attendees = forms.CharField(
        label=_("Attendees"),
        required=False,
        max_length=ATTENDEES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One name per line, including yourself if you attend. Leave empty "
            "if you come alone."
        ),
    )
    dietary = forms.CharField(label=_("Dietary needs"), max_length=500, required=False)
    accessibility = forms.CharField(
        label=_("Accessibility needs"), max_length=500, required=False
    )
    free_text = forms.CharField(
        label=_("Anything else"),
        required=False,
        max_length=FREE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(label=_("I agree"), required=True)

    def __init__(self, *args, workshop, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        self.fields["municipality"].queryset = Area.objects.filter(
            kind=Area.Kind.MUNICIPALITY
        ).order_by("name_fi")
        self.fields["municipality"].label_from_instance = lambda area: area.name
        if associations:
            self.fields["association"].queryset = associations
            self.fields["association"].label_from_instance = lambda a: a.name
        else:
            del self.fields["association"]
        if not workshop.ask_organisation:
            del self.fields["organisation_type"]
            del self.fields["organisation_name"]
            del self.fields["business_id"]
        source = workshop.source()
        self.limits = {
            "signup": source.max_per_signup,
            "resident": source.party_limit(OrganisationType.RESIDENT),
            "companions": settings.WORKSHOP_MAX_COMPANIONS,
        }
        if not workshop.ask_attendees:
            del self.fields["attendees"]
            self.fields["party_size"] = forms.IntegerField(
                label=_("Number of attendees"),
                min_value=1,
                max_value=self.limits["signup"],
                initial=1,
            )
        else:
            self.fields["attendees"].help_text = _(
                "One name per line, including yourself if you attend. Leave empty "
                "if you come alone. At most %(max)s attendees per sign-up; as a "
                "resident, yourself and at most %(companions)s companions."
            ) % {"max": self.limits["signup"], "companions": self.limits["companions"]}
        if not workshop.ask_dietary:
            del self.fields["dietary"]
        if not workshop.ask_accessibility:
            del self.fields["accessibility"]
        if not workshop.ask_free_text:
            del self.fields["free_text"]
        elif workshop.free_text_label:
            self.fields["free_text"].label = workshop.free_text_label
        if workshop.consent_text:
            self.fields["consent"].label = workshop.consent_text
        else:
            del self.fields["consent"]

    def attendee_names(self):
        if "party_size" in self.cleaned_data:
            return [""] * self.cleaned_data["party_size"]
        lines = self.cleaned_data.get("attendees", "").splitlines()
        names = [line.strip()[:200] for line in lines if line.strip()]
        return names or [self.cleaned_data.get("name", "")]

    def clean_attendees(self):
        value = self.cleaned_data["attendees"]
        if len(value.splitlines()) > MAX_LINES:
            raise self.too_many_error(self.limits["signup"])
        return value

    def clean_business_id(self):
        value = normalise_business_id(self.cleaned_data["business_id"])
        if value:
            validate_business_id(value)
        return value

    def too_many_error(self, limit, resident=False):
        if resident:
            return forms.ValidationError(
                _(
                    "As a resident you can sign up yourself and at most "
                    "%(companions)s companions."
                ),
                params={"companions": limit - 1},
                code="resident_limit",
            )
        return forms.ValidationError(
            _("At most %(max)s attendees per sign-up."),
            params={"max": limit},
            code="too_many",
        )

    @property
    def party_field(self):
        return "attendees" if "attendees" in self.fields else "party_size"

    def clean(self):
        cleaned = super().clean()
        association = cleaned.get("association")
        if association is not None:
            cleaned["organisation_type"] = OrganisationType.ASSOCIATION
            cleaned["organisation_name"] = cleaned.get("organisation_name") or (
                association.name
            )
        kind = cleaned.get("organisation_type", OrganisationType.RESIDENT)
        if kind == OrganisationType.RESIDENT:
            # A resident signs up as a person: no organisation to count.
            cleaned["organisation_name"] = ""
            cleaned["business_id"] = ""
        elif not cleaned.get("organisation_name") and "organisation_name" in (
            self.fields
        ):
            self.add_error(
                "organisation_name",
                forms.ValidationError(
                    _("Give the name of the organisation you represent."),
                    code="required",
                ),
            )
        if self.party_field not in self.errors:
            resident = kind == OrganisationType.RESIDENT
            limit = self.limits["resident" if resident else "signup"]
            if len(self.attendee_names()) > limit:
                self.add_error(self.party_field, self.too_many_error(limit, resident))
        return cleaned

    def add_quota_error(self, error):
        """The organisation's quota, checked by the service under the lock."""
        self.add_error(
            self.party_field,
            forms.ValidationError(
                _(
                    "Your organisation's sign-ups for this workshop may bring at "
                    "most %(max)s attendees together; %(left)s seats are left "
                    "for your organisation."
                ),
                params={"max": error.limit, "left": error.left},
                code="organisation_limit",
            ),
        )

    def signup_fields(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "organisation_type": data.get(
                "organisation_type", OrganisationType.RESIDENT
            ),
            "organisation_name": data.get("organisation_name", ""),
            "business_id": data.get("business_id", ""),
            "association": data.get("association"),
            "municipality": data.get("municipality"),
            "dietary": data.get("dietary", ""),
            "accessibility": data.get("accessibility", ""),
            "free_text": data.get("free_text", ""),
            "consent": bool(data.get("consent")),
            "submission_key": data.get("submission_key") or uuid.uuid4(),
        }


class CancelForm(forms.Form):
    """Just a button: cancelling takes a POST, so that link scanners in mail
    servers cannot cancel by fetching the link."""
