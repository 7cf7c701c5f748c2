"""Personal data (GDPR): where it lives, how to export it, how to erase it.

Every model of the platform is declared by the app that owns it, in its
``privacy.py`` module (core declares its own and the third-party models):
either with the fields that hold personal data and the lookups that tie a row
to a person, or as holding none (with the reason). A meta-test fails when a
model is missing, so that a new model cannot carry personal data unnoticed.

Erasure keeps what the agency must keep by law (accreditation decisions, the
audit log) under a pseudonym, scrubs or deletes the rest, deletes files,
sessions and tokens, and then replaces every remaining mention of the person
(e-mail, full name, phone) in any text column.
"""

import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from .audit import audit_record
from .models import User

Erase = Literal["scrub", "delete", "keep"]
ERASED_TEXT = "[erased]"


@dataclass(frozen=True)
class PersonalData:
    """How one model holds personal data.

    ``subject``: ORM lookups that tie a row to the person; a lookup ending in
    ``email`` is compared with the person's address, any other with the user.
    ``fields``: the fields holding personal data (text, JSON, address, file).
    ``on_erase``: ``scrub`` the fields, ``delete`` the rows, or ``keep`` them
    (legal obligation: only mentions of the person are replaced).
    """

    label: str
    subject: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    on_erase: Erase = "scrub"
    note: str = ""

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)


@dataclass
class _Registry:
    personal: dict[str, PersonalData] = field(default_factory=dict)
    none: dict[str, str] = field(default_factory=dict)
    erasure_hooks: list[Callable[[User], None]] = field(default_factory=list)
    discovered: bool = False


_REGISTRY = _Registry()


def register_personal_data(
    label: str,
    *,
    subject: Iterable[str] = (),
    fields: Iterable[str] = (),
    on_erase: Erase = "scrub",
    note: str = "",
) -> None:
    _REGISTRY.personal[label] = PersonalData(
        label, tuple(subject), tuple(fields), on_erase, note
    )


def register_no_personal_data(label: str, reason: str) -> None:
    _REGISTRY.none[label] = reason


def register_erasure_hook(hook: Callable[[User], None]) -> None:
    """``hook(user)`` runs first in the erasure transaction, while the person
    is still known (e.g. to relinquish their accreditations)."""
    _REGISTRY.erasure_hooks.append(hook)


def registry() -> _Registry:
    if not _REGISTRY.discovered:
        autodiscover_modules("privacy")
        _REGISTRY.discovered = True
    return _REGISTRY


def _subject_q(spec: PersonalData, user: User) -> Q | None:
    query = Q()
    for lookup in spec.subject:
        if lookup.endswith("email"):
            query |= Q(**{f"{lookup}__iexact": user.email})
        elif lookup in {"pk", "id"}:
            query |= Q(**{lookup: user.pk})
        else:
            query |= Q(**{lookup: user})
    return query or None


def _update(model: type[models.Model], pk, **values) -> None:
    # update() bypasses save(): no history row copies the data back, and
    # protected workflow fields stay untouched. The audit log refuses plain
    # updates; erasure is the one rewrite it allows (``pseudonymise``).
    queryset = model._default_manager.filter(pk=pk)
    writer = getattr(queryset, "pseudonymise", queryset.update)
    writer(**values)


def _rows(spec: PersonalData, user: User) -> models.QuerySet:
    query = _subject_q(spec, user)
    if query is None:
        return spec.model.objects.none()
    return spec.model._default_manager.filter(query).distinct()


# --- Export -------------------------------------------------------------------


def _jsonable(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    if isinstance(value, bytes | memoryview):
        return None
    if hasattr(value, "as_tuple"):  # Decimal
        return str(value)
    return value


def _row_dict(instance: models.Model) -> dict:
    data = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.name == "password":
            continue
        value = getattr(instance, model_field.attname)
        data[model_field.attname] = _jsonable(value)
    return data


def _files(instance: models.Model) -> Iterator[models.fields.files.FieldFile]:
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, models.FileField):
            file = getattr(instance, model_field.name)
            if file:
                yield file


def personal_data_export(*, user: User) -> dict:
    """Everything the platform holds about ``user``, as JSON-ready data."""
    records: dict[str, list[dict]] = {}
    files: list[str] = []
    for label, spec in sorted(registry().personal.items()):
        rows = list(_rows(spec, user))
        if not rows:
            continue
        records[label] = [_row_dict(row) for row in rows]
        for row in rows:
            files.extend(file.name for file in _files(row))
    return {
        "format": "nwow-personal-data/1",
        "generated_at": timezone.now().isoformat(),
        "subject": {"id": user.pk, "email": user.email},
        "records": records,
        "files": sorted(set(files)),
    }


def personal_data_summary(*, user: User) -> list[tuple[str, int]]:
    """(kind of record, how many) for the person's page, in their language."""
    counts = []
    for label, spec in sorted(registry().personal.items()):
        if label == User._meta.label:
            continue
        count = _rows(spec, user).count()
        if count:
            counts.append((str(spec.model._meta.verbose_name_plural), count))
    return sorted(counts)


def personal_data_archive(*, user: User, actor: User | None = None) -> bytes:
    """A ZIP with ``personal_data.json`` and the person's files under ``files/``."""
    data = personal_data_export(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "personal_data.json", json.dumps(data, ensure_ascii=False, indent=2)
        )
        storage_files = {}
        for spec in registry().personal.values():
            for row in _rows(spec, user):
                for file in _files(row):
                    storage_files[file.name] = file
        for name, file in sorted(storage_files.items()):
            try:
                with file.storage.open(name, "rb") as handle:
                    archive.writestr(f"files/{name}", handle.read())
            except FileNotFoundError:
                continue
    audit_record(action="core.user.data_exported", actor=actor or user, obj=user)
    return buffer.getvalue()


# --- Erasure ------------------------------------------------------------------


def pseudonym_for(user: User) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{user.pk}".encode()).hexdigest()
    return f"erased-{digest[:10]}"


def identifiers(user: User) -> list[str]:
    """The strings that name the person: what erasure replaces and the scan seeks."""
    found = [user.email]
    full = f"{user.first_name} {user.last_name}".strip()
    if user.first_name and user.last_name:
        found += [full, f"{user.last_name} {user.first_name}"]
    if getattr(user, "phone", ""):
        found.append(user.phone)
    return [text for text in found if text and len(text) >= 4]


def _erased_value(model_field: models.Field, pseudonym: str):
    if isinstance(model_field, models.EmailField):
        return f"{pseudonym}@erased.invalid"
    if isinstance(model_field, models.GenericIPAddressField):
        return None
    if isinstance(model_field, models.JSONField):
        default = model_field.get_default()
        return default if default is not None else None
    if isinstance(model_field, models.CharField | models.TextField):
        if model_field.blank:
            return ""
        return ERASED_TEXT[: model_field.max_length or None]
    return None if model_field.null else model_field.get_default()


def _delete_files(instance: models.Model) -> None:
    for file in _files(instance):
        file.storage.delete(file.name)


def _scrub(spec: PersonalData, instance: models.Model, pseudonym: str) -> None:
    changed = []
    for name in spec.fields:
        model_field = instance._meta.get_field(name)
        if isinstance(model_field, models.FileField):
            file = getattr(instance, name)
            if file:
                file.storage.delete(file.name)
            setattr(instance, name, "")
        else:
            setattr(
                instance, model_field.attname, _erased_value(model_field, pseudonym)
            )
        changed.append(model_field.attname)
    if changed:
        _update(
            type(instance),
            instance.pk,
            **{name: getattr(instance, name) for name in changed},
        )


def text_columns() -> Iterator[tuple[type[models.Model], models.Field]]:
    """Every text-like column of every installed model (for the scan)."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for model_field in model._meta.concrete_fields:
            if isinstance(
                model_field,
                models.CharField | models.TextField | models.JSONField,
            ) and not isinstance(model_field, models.FileField):
                yield model, model_field


def _matching_rows(model, model_field, needle: str) -> models.QuerySet:
    manager = model._default_manager
    if isinstance(model_field, models.JSONField):
        return manager.annotate(
            _as_text=Cast(model_field.name, models.TextField())
        ).filter(_as_text__icontains=needle)
    return manager.filter(**{f"{model_field.name}__icontains": needle})


def _replace(value, needle: str, replacement: str):
    if isinstance(value, str):
        lowered, target = value.lower(), needle.lower()
        out, start = [], 0
        while (index := lowered.find(target, start)) != -1:
            out.append(value[start:index] + replacement)
            start = index + len(needle)
        return "".join(out) + value[start:]
    if isinstance(value, list):
        return [_replace(item, needle, replacement) for item in value]
    if isinstance(value, dict):
        return {
            _replace(key, needle, replacement): _replace(item, needle, replacement)
            for key, item in value.items()
        }
    return value


def scan_for(needles: Iterable[str]) -> list[tuple[str, str, object]]:
    """(model, column, pk) of every text column that still holds a needle."""
    hits = []
    for model, model_field in text_columns():
        for needle in needles:
            for pk in _matching_rows(model, model_field, needle).values_list(
                "pk", flat=True
            ):
                hits.append((model._meta.label, model_field.name, pk))
    return hits


def _replace_mentions(needles: list[str], pseudonym: str) -> int:
    replaced = 0
    # Longest first: the full name goes before a shorter part of it.
    for needle in sorted(needles, key=len, reverse=True):
        for model, model_field in text_columns():
            if model is Session:
                continue
            for instance in _matching_rows(model, model_field, needle):
                value = getattr(instance, model_field.attname)
                _update(
                    model,
                    instance.pk,
                    **{model_field.attname: _replace(value, needle, pseudonym)},
                )
                replaced += 1
    return replaced


def _end_sessions(user: User) -> int:
    ended = 0
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def personal_data_erase(*, user: User, actor: User | None = None) -> dict:
    """Erase ``user``: see the module docstring. Returns what was done."""
    from rest_framework.authtoken.models import Token

    user = User.objects.select_for_update().get(pk=user.pk)
    for hook in registry().erasure_hooks:
        hook(user)
    needles = identifiers(user)
    pseudonym = pseudonym_for(user)
    summary = {"scrubbed": 0, "deleted": 0, "kept": 0}

    for spec in registry().personal.values():
        if spec.label == User._meta.label:
            continue
        rows = list(_rows(spec, user))
        for instance in rows:
            if spec.on_erase == "delete":
                _delete_files(instance)
                instance.delete()
                summary["deleted"] += 1
            elif spec.on_erase == "scrub":
                _scrub(spec, instance, pseudonym)
                summary["scrubbed"] += 1
            else:
                summary["kept"] += 1

    summary["tokens"] = Token.objects.filter(user=user).delete()[0]
    summary["sessions"] = _end_sessions(user)
    User.objects.filter(pk=user.pk).update(
        email=f"{pseudonym}@erased.invalid",
        first_name="",
        last_name=pseudonym,
        phone="",
        password="!" + pseudonym,  # unusable: no hasher produces a leading "!"
        is_active=False,
        is_staff=False,
        is_superuser=False,
    )
    summary["mentions"] = _replace_mentions(needles, pseudonym)
    erased = User.objects.get(pk=user.pk)
    audit_record(
        action="core.user.erased",
        actor=actor if actor is not None and actor.pk != user.pk else None,
        obj=erased,
        data={"pseudonym": pseudonym},
    )
    summary["pseudonym"] = pseudonym
    return summary
