"""Opening every page of the site as one persona, on the world's objects."""

import contextlib

from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

SKIPPED_PREFIXES = ("api/", "admin/", "accounts/")


def page_names() -> list[str]:
    """Every named page URL of ours (the API, admin and allauth aside)."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern).startswith(SKIPPED_PREFIXES):
                    continue
                yield from walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return sorted(set(walk(get_resolver().url_patterns)))


# The object each page acts on, by the start of its URL name.
PK_OBJECTS = {
    "training:programme-": "programme",
    "training:enrolment-": "enrolment",
    "training:session-": "session",
    "training:attendance-sheet": "session",
    "training:cpd-": "cpd",
    "accreditation:accreditation-": "accreditation",
    "accreditation:application-": "application",
    "pme:company-": "company",
    "pme:member-": "company",
    "pme:scan-new": "company",
    "pme:scan-history": "company",
    "pme:scan-result": "scan",
    "matching:request-": "request",
    "matching:engagement-": "engagement",
    "knowledge:case-study-": "case_study",
    "knowledge:capsule-": "capsule",
    "knowledge:resource-": "resource",
    "knowledge:content-transition": "case_study",
    "surveys:survey-": "survey",
    "surveys:wave-": "wave",
    "events:event-": "event",
    "events:attendance": "event",
    "events:club-": "club_application",
}
OTHER_ARGUMENTS = {
    "accreditation:accreditation-transition": {"name": "suspend"},
    "accreditation:application-transition": {"name": "submit"},
    "matching:engagement-transition": {"action": "accept"},
    "knowledge:content-transition": {"kind": "case_study", "action": "archive"},
    "events:event-transition": {"action": "close"},
    "events:club-decide": {"decision": "accept"},
}


def page_url(name: str, world: dict) -> str:
    with contextlib.suppress(NoReverseMatch):  # a page without arguments
        return reverse(name)
    kwargs = dict(OTHER_ARGUMENTS.get(name, {}))
    if name == "training:module-results":
        kwargs["pk"] = world["session"].module_id
    else:
        prefix = max(
            (p for p in PK_OBJECTS if name.startswith(p)), key=len, default=None
        )
        if prefix is not None:
            kwargs["pk"] = world[PK_OBJECTS[prefix]].pk
    if name == "accreditation:application-document":
        kwargs["document_id"] = world["document"].pk
    if name == "pme:member-remove":
        kwargs["user_id"] = world["colleague"].pk
    if name.startswith("events:attendance-"):
        kwargs["registration_pk"] = world["registration"].pk
    if name == "pme:invitation-accept":
        kwargs = {"token": "not-a-real-invitation"}
    if name == "accreditation-public:verify-code":
        kwargs = {"code": world["accreditation"].verification_code}
    if name == "events:club-leave":
        kwargs = {"pk": world["club_application"].pk}
    return reverse(name, kwargs=kwargs)


def open_page(name: str, user, world: dict) -> int:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client.get(page_url(name, world), HTTP_ACCEPT_LANGUAGE="en").status_code
