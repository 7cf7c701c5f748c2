"""Expert requests of companies; ranking, assignment and missions come next."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import Need


class ExpertRequest(models.Model):
    """A company asks for an approved expert for some needs of the taxonomy."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    company = models.ForeignKey(
        "pme.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="expert_requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs = models.ManyToManyField(
        Need, verbose_name=_("needs"), related_name="expert_requests"
    )
    primary_need = models.ForeignKey(
        Need,
        verbose_name=_("main need"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The need an expert must at least be accredited for."),
    )
    description = models.TextField(_("situation"), max_length=5000)
    language = models.CharField(
        _("language of the mission"), max_length=2, choices=settings.LANGUAGES
    )
    budget_days = models.PositiveSmallIntegerField(
        _("budget in days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    start_from = models.DateField(_("start at the earliest"), null=True, blank=True)
    start_until = models.DateField(_("start at the latest"), null=True, blank=True)
    assessment = models.ForeignKey(
        "pme.Assessment",
        verbose_name=_("maturity scan"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The scan the request builds on."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert request")
        verbose_name_plural = _("expert requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_until__isnull=True)
                | Q(start_from__isnull=True)
                | Q(start_until__gte=F("start_from")),
                name="matching_request_start_window",
            )
        ]

    def __str__(self) -> str:
        return _("Request #%(id)s") % {"id": self.pk}
