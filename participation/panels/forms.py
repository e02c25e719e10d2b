from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from website.core.antispam import SpamProtectedForm
from website.core.form_ui import state_text_limits
from website.core.i18n import localized

from .models import AgeGroup, Member, PanelDraw, Question

CHOOSE = _("Choose…")


# "I prefer not to say" is an answer of its own, not the empty value: a
# radio option whose value is empty would be checked before anyone chose it.
NOT_SAY = "-"


def _background_answer(value):
    return None if value == NOT_SAY else int(value)


def _background_fields(form, panel, initial=None):
    initial = initial or {}
    for question in panel.background_questions.all():
        form.fields[f"bg_{question.key}"] = forms.TypedChoiceField(
            label=question.text,
            required=False,
            coerce=_background_answer,
            empty_value=None,
            choices=[(NOT_SAY, _("I prefer not to say"))]
            + list(enumerate(question.choice_list())),
            widget=forms.RadioSelect,
            initial=initial.get(question.key),
        )


def _background_data(form):
    return {
        name[3:]: value
        for name, value in form.cleaned_data.items()
        if name.startswith("bg_") and value is not None
    }


class MemberDetailsForm(forms.Form):
    """What a member tells about themselves, on joining and from their
    personal link: contact, strata and message language. The strata start
    empty (issue 20): a preselected municipality or age group that the person
    does not change skews the stratified draw."""

    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality of residence"),
        queryset=None,
        empty_label=CHOOSE,
        error_messages={"required": _("Choose your municipality of residence.")},
    )
    age_group = forms.ChoiceField(
        label=_("Age group"),
        choices=[("", CHOOSE), *AgeGroup.choices],
        error_messages={"required": _("Choose your age group.")},
    )
    language = forms.ChoiceField(
        label=_("Language for messages"),
        choices=Member.Language.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language for messages.")},
    )

    def _set_panel(self, panel, language):
        """The panel's municipalities, named and sorted in `language`."""
        self.fields["municipality"].queryset = panel.municipalities.order_by(
            f"name_{language}"
        )
        self.fields["municipality"].label_from_instance = lambda a: localized(
            a, "name", language
        )


class JoinForm(SpamProtectedForm, MemberDetailsForm):
    rate_limit_action = "panel_join"
    field_order = [
        "email",
        "name",
        "municipality",
        "age_group",
        "language",
        "eligible",
        "consent",
    ]

    eligible = forms.BooleanField(label="")
    consent = forms.BooleanField(
        label=_("I have read the consent text and the privacy notice and I agree.")
    )

    def __init__(self, *args, panel, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.panel = panel
        self.fields["email"].help_text = _(
            "We send a confirmation link to this address."
        )
        self._set_panel(panel, language)
        self.fields["eligible"].label = _(
            "I live in the municipality I chose and I am at least %(age)s years old."
        ) % {"age": panel.min_age}
        _background_fields(self, panel)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def join_data(self):
        data = dict(self.cleaned_data)
        data["background"] = _background_data(self)
        return data


class ResendForm(SpamProtectedForm, forms.Form):
    """'Send the link again': an address only; the answer never says whether
    it is registered (finding 10)."""

    rate_limit_action = "panel_resend"

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The address you gave when you applied."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class SelfServiceForm(MemberDetailsForm):
    """A member's own details from the personal link: contact, strata,
    language and background. The view shows the changes for confirmation
    before `save` (confirm on POST)."""

    def __init__(self, *args, member, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields["email"].help_text = _(
            "Messages and your personal link are sent to this address."
        )
        self._set_panel(member.panel, language or member.language)
        for name in ("email", "name", "age_group", "language"):
            self.fields[name].initial = getattr(member, name)
        self.fields["municipality"].initial = member.municipality_id
        _background_fields(self, member.panel, member.background)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        taken = (
            Member.objects.filter(panel=self.member.panel, email=email)
            .exclude(pk=self.member.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(
                _("Another application to this panel uses this address.")
            )
        return email

    def changes(self):
        """(label, old, new) of each field whose value the member changed,
        as text, for the confirmation step."""
        rows = []
        for name, field in self.fields.items():
            old = self._display(field, self.initial.get(name, field.initial))
            new = self._display(field, self.cleaned_data.get(name))
            if old != new:
                rows.append((field.label, old, new))
        return rows

    @staticmethod
    def _display(field, value):
        if value is None or value == "":
            return ""
        if isinstance(field, forms.ModelChoiceField):
            pk = getattr(value, "pk", value)
            obj = field.queryset.filter(pk=pk).first()
            return field.label_from_instance(obj) if obj else ""
        if isinstance(field, forms.ChoiceField):
            for key, label in field.choices:
                if str(key) == str(value):
                    return str(label)
        return str(value)

    def save(self):
        member = self.member
        data = self.cleaned_data
        member.email = data["email"]
        member.name = data["name"]
        member.municipality = data["municipality"]
        member.age_group = data["age_group"]
        member.language = data["language"]
        member.background = _background_data(self)
        member.save(
            update_fields=[
                "email",
                "name",
                "municipality",
                "age_group",
                "language",
                "background",
            ]
        )
        return member


class DistinctChoicesField(forms.TypedMultipleChoiceField):
    """Multiple choice where each option counts once (finding 2: a post with
    one option 900 times was stored 900 times). A browser never sends an
    option twice, so a repeat is refused rather than silently merged."""

    default_error_messages = {
        "repeated": _("Choose each option at most once."),
    }

    def clean(self, value):
        if isinstance(value, (list, tuple)) and len(set(value)) != len(value):
            raise forms.ValidationError(
                self.error_messages["repeated"], code="repeated"
            )
        return super().clean(value)


class AnswerForm(forms.Form):
    """One field per question of a round, named q<id>."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = self._field(question)
        state_text_limits(self)

    def _field(self, question):
        common = {"label": question.text, "required": question.required}
        kind = question.kind
        if kind == Question.Kind.SCALE:
            return forms.TypedChoiceField(
                coerce=int,
                empty_value=None,
                choices=[
                    (1, _("1 – completely disagree")),
                    (2, "2"),
                    (3, "3"),
                    (4, "4"),
                    (5, _("5 – completely agree")),
                ],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                **common,
            )
        if kind == Question.Kind.NPS:
            return forms.TypedChoiceField(
                coerce=int,
                empty_value=None,
                choices=[(0, _("0 – not at all likely"))]
                + [(i, str(i)) for i in range(1, 10)]
                + [(10, _("10 – extremely likely"))],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                **common,
            )
        choices = list(enumerate(question.choice_list()))
        if kind == Question.Kind.SINGLE:
            return forms.TypedChoiceField(
                coerce=int,
                empty_value=None,
                choices=choices,
                widget=forms.RadioSelect,
                **common,
            )
        if kind == Question.Kind.MULTIPLE:
            return DistinctChoicesField(
                coerce=int,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 5}),
            max_length=settings.PANEL_ANSWER_MAX_LENGTH,
            **common,
        )

    def answers(self):
        return {
            question.pk: self.cleaned_data.get(f"q{question.pk}")
            for question in self.questions
        }


class DrawForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Method"),
        choices=PanelDraw.Method.choices,
        initial=PanelDraw.Method.STRATIFIED,
        widget=forms.RadioSelect,
    )
    size = forms.IntegerField(label=_("Number of members"), min_value=1)
    seed = forms.IntegerField(
        label=_("Seed (optional)"),
        required=False,
        min_value=0,
        max_value=2**62,
        help_text=_(
            "Leave empty for a new random draw. The same seed with the same "
            "applicants gives the same result."
        ),
    )
