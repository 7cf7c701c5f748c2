"""Models shared by every app: users, the audit log and the needs taxonomy."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .reference.maturity import Dimension
from .roles import Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # E-mail addresses are matched whatever their case.
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person using the platform; the e-mail address is the login."""

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Pages and e-mails are shown in this language."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("administration site access"),
        default=False,
        help_text=_("Whether the user can log into the administration site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()
    # Who changed a profile and when; secrets and login times are left out.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="core_user_email_ci_unique")
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email

    @property
    def roles(self) -> list[str]:
        """Role codes of the user, in the order of ``Role``."""
        if not hasattr(self, "_roles_cache"):
            names = {group.name for group in self.groups.all()}
            self._roles_cache = [role.value for role in Role if role.value in names]
        return self._roles_cache

    def has_role(self, *roles: str) -> bool:
        return self.is_active and any(role in self.roles for role in roles)


class AuditQuerySet(models.QuerySet):
    """Audit rows are written once and never changed or removed in code."""

    def update(self, **kwargs):
        raise TypeError("Audit entries are append-only.")

    def delete(self):
        raise TypeError("Audit entries are append-only.")

    def pseudonymise(self, **values) -> int:
        """The one rewrite allowed: erasing a person replaces their identifiers
        in the rows the agency must keep (``core.personal_data``)."""
        return super().update(**values)


class AuditEntry(models.Model):
    """One state transition or sensitive action, written with the change itself."""

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
        help_text=_("Empty when the system acted (scheduled jobs)."),
    )
    action = models.CharField(
        _("action"),
        max_length=100,
        db_index=True,
        validators=[RegexValidator(r"^[a-z_]+(\.[a-z_]+)+$")],
        help_text=_("Dotted code, such as accreditation.application.approved."),
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("object type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    from_state = models.CharField(_("from state"), max_length=40, blank=True)
    to_state = models.CharField(_("to state"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(
        _("data"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit entries are append-only.")


class Need(models.Model):
    """A node of the needs/competence taxonomy, shared by PMEs and experts.

    A PME tags its needs with it and an expert is accredited per need (domain),
    so both sides of the matching speak the same codes.
    """

    code = models.CharField(
        _("code"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3,8}$")],
        help_text=_("Stable code used by the API, such as TEL."),
    )
    label_fr = models.CharField(_("label (French)"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120)
    label_de = models.CharField(_("label (German)"), max_length=120)
    label_nl = models.CharField(_("label (Dutch)"), max_length=120)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("ordering", "position"), default=0
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs taxonomy")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code} · {self.label()}"

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"label_{language}", None) or self.label_fr

    @property
    def dimension_codes(self) -> list[str]:
        return [link.dimension for link in self.dimension_links.all()]


class NeedDimension(models.Model):
    """Which maturity dimension a need improves (TEL improves D2, for example)."""

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="dimension_links"
    )
    dimension = models.CharField(_("dimension"), max_length=2, choices=Dimension)

    class Meta:
        verbose_name = _("need dimension")
        verbose_name_plural = _("need dimensions")
        ordering = ["need", "dimension"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "dimension"], name="core_needdimension_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.need.code} → {self.dimension}"


class IdempotencyRecord(models.Model):
    """The first answer to an API write sent with an ``Idempotency-Key``.

    A client that retries the same write with the same key (a double click, a
    lost answer, a timeout) gets this answer again instead of a second write;
    one sent while the first still runs is told to wait (core/idempotency.py).
    """

    class State(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    # A hash of who asked (their token or session), never the secret itself.
    scope = models.CharField(_("scope"), max_length=64)
    key = models.CharField(_("key"), max_length=255)
    fingerprint = models.CharField(
        _("request fingerprint"), max_length=64, help_text=_("Method, path and body.")
    )
    state = models.CharField(
        _("state"), max_length=8, choices=State, default=State.RUNNING
    )
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    body = models.TextField(_("answer"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("idempotency record")
        verbose_name_plural = _("idempotency records")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key"], name="core_idempotency_unique_key"
            )
        ]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.key} ({self.state})"
