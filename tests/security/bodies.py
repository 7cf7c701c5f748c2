"""A valid body for each operation that takes one, so that the matrix tests
who may act and not whether the input is complete (an empty body would stop
at validation, before the permission check of some operations)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from knowledge.demo import MEDIA_DIR
from tests.accreditation.factories import PDF_BYTES
from tests.factories import DEFAULT_PASSWORD

REASON = {"reason": "Motif donné pour le test de la matrice."}


def body_for(method: str, path: str, world: dict, people: dict):
    """(data, format) for the request; format "multipart" for uploads."""
    today = timezone.localdate().isoformat()
    soon = (timezone.now() + datetime.timedelta(days=10)).isoformat()
    bodies = {
        ("POST", "/api/v1/accreditation/applications/"): {
            "domains": ["TEL"],
            "enterprise_number": "0428759497",
            "motivation": "Quinze ans d'accompagnement de PME wallonnes.",
            "years_experience": 15,
            "languages": ["fr"],
            "provinces": ["BE-WNA"],
        },
        ("PATCH", "/api/v1/accreditation/applications/{id}/"): {
            "motivation": "Une motivation revue et complétée."
        },
        ("POST", "/api/v1/accreditation/applications/{id}/documents/"): {
            "kind": "other",
            "file": SimpleUploadedFile("piece.pdf", PDF_BYTES, "application/pdf"),
        },
        ("POST", "/api/v1/accreditation/applications/{id}/references/"): {
            "client_name": "PME de référence",
            "client_contact": "Anne Durand",
            "client_email": "anne.durand@pme-reference.be",
            "year": 2024,
            "domain": "TEL",
            "description": "Charte de télétravail pour 30 personnes.",
        },
        ("POST", "/api/v1/accreditation/applications/{id}/require-training/"): {
            **REASON,
            "programme": world["programme"].pk,
        },
        ("POST", "/api/v1/accreditation/applications/{id}/schedule-interview/"): {
            "at": soon
        },
        ("POST", "/api/v1/accreditation/applications/{id}/record-interview/"): {
            "score": 80,
            "minutes": "Entretien convaincant.",
        },
        ("POST", "/api/v1/accreditation/applications/{id}/recommend/"): {
            "decision": "approve",
            **REASON,
        },
        ("POST", "/api/v1/accreditation/applications/{id}/decide-appeal/"): {
            "decision": "approve",
            **REASON,
        },
        ("POST", "/api/v1/accreditation/accreditations/{id}/submit-renewal/"): {
            "renewal_proof": "Six missions menées sur le cycle.",
            "remediation_plan": "",
        },
        ("PATCH", "/api/v1/auth/me/"): {"language": "fr"},
        ("POST", "/api/v1/auth/register/"): {
            "email": "nouvelle.personne@example.be",
            "password": "Une-Phrase-Solide-2026",
            "first_name": "Nouvelle",
            "last_name": "Personne",
            "role": "consultant",
        },
        ("POST", "/api/v1/auth/token/"): {
            "email": "claire.consultante@example.be",
            "password": DEFAULT_PASSWORD,
        },
        ("POST", "/api/v1/matching/assignments/"): {"requests": [world["request"].pk]},
        ("POST", "/api/v1/matching/engagements/{id}/rating/"): {
            "score": 5,
            "comment": "Très bon accompagnement.",
        },
        ("POST", "/api/v1/matching/engagements/{id}/sessions/"): {
            "date": today,
            "hours": "2.0",
            "topic": "Atelier charte de télétravail",
            "notes": "",
        },
        ("POST", "/api/v1/matching/engagements/{id}/submit-report/"): {
            "summary": "Synthèse",
            "recommendations": "Recommandations",
            "action_plan": "Plan d'action",
        },
        ("POST", "/api/v1/matching/requests/"): {
            "company": world["company"].pk,
            "needs": ["MGT"],
            "description": "Nous voulons des équipes qui fixent leurs priorités.",
            "language": "fr",
        },
        ("POST", "/api/v1/matching/requests/{id}/choose/"): {
            "expert": people["consultant"].pk
        },
        ("POST", "/api/v1/pme/companies/"): {
            "name": "Nouvelle PME de Namur",
            "enterprise_number": "0878065378",
            "postal_code": "5000",
            "nace_code": "62.100",
            "employees": 12,
            "annual_turnover_eur": 1_500_000,
            "balance_sheet_eur": 900_000,
            "language": "fr",
        },
        ("PATCH", "/api/v1/pme/companies/{id}/"): {"name": "PME renommée"},
        ("POST", "/api/v1/pme/companies/{id}/assessments/"): {"answers": {"D1Q1": 2}},
        ("POST", "/api/v1/pme/companies/{id}/invitations/"): {
            "email": "nouveau.collegue@example.be"
        },
        ("POST", "/api/v1/pme/invitations/accept/"): {"token": "not-a-token"},
        ("POST", "/api/v1/training/assessments/{id}/attempts/"): {
            "enrolment": world["enrolment"].pk,
            "score": "14",
        },
        ("POST", "/api/v1/training/cpd-activities/"): {
            "category": "conference",
            "date": today,
            "hours": "3.0",
            "description": "Conférence NWOW à Liège.",
        },
        ("POST", "/api/v1/training/enrolments/"): {"programme": world["programme"].pk},
        ("POST", "/api/v1/training/sessions/{id}/attendance/"): {
            "enrolment": world["enrolment"].pk,
            "status": "present",
            "minutes": 120,
        },
        ("POST", "/api/v1/training/sessions/{id}/register/"): {
            "enrolment": world["enrolment"].pk
        },
    }
    knowledge = {
        ("POST", "/api/v1/knowledge/capsules/{id}/media/"): {
            "video": SimpleUploadedFile(
                "capsule.mp4",
                (MEDIA_DIR / "capsule-teletravail.mp4").read_bytes(),
                "video/mp4",
            ),
        },
        ("POST", "/api/v1/knowledge/resources/{id}/file/"): {
            "file": SimpleUploadedFile("guide.pdf", PDF_BYTES, "application/pdf"),
        },
        ("POST", "/api/v1/knowledge/club/applications/"): {
            "company": world["company"].pk,
            "motivation": "Nous voulons apprendre des autres dirigeants.",
            "changes": "Les équipes fixent leurs priorités.",
        },
        ("POST", "/api/v1/knowledge/events/{id}/capacity/"): {"capacity": 12},
        ("POST", "/api/v1/knowledge/surveys/{id}/responses/"): {
            "answers": {"TEL.POLICY": "written", "MGT.AUTONOMY": 4, "TEL.DAYS": "2.5"},
            "province": "BE-WNA",
            "size_class": "small",
            "nace_section": "K",
        },
    }
    bodies.update(knowledge)
    body = bodies.get((method, path))
    if body is None and method in {"POST", "PUT", "PATCH"}:
        body = dict(REASON)
    if body is not None and any(hasattr(v, "read") for v in body.values()):
        return body, "multipart"
    return body, "json"
