"""One small world in which every API operation has an object to act on.

Each object belongs to the "own" side: the ``consultant`` persona holds the
application, accreditation, enrolment, certification and CPD activity and is
the expert of the mission; the ``pme_member`` persona administers the company
that made the request and the mission; the ``trainer`` teaches the session;
the ``editor`` runs the knowledge base. ``other_consultant`` and
``other_member`` (a member of another company) are the outsiders.
"""

import datetime

from django.utils import timezone

from accreditation.models import Accreditation
from core.roles import Role
from pme.models import Membership
from tests.accreditation.factories import AccreditationFactory, complete_application
from tests.factories import UserFactory
from tests.knowledge.content.factories import (
    CapsuleFactory,
    CaseStudyFactory,
    ResourceFactory,
)
from tests.knowledge.events.factories import ClubMembershipFactory, EventFactory
from tests.knowledge.events.factories import RegistrationFactory as EventRegistration
from tests.knowledge.surveys.conftest import make_survey, make_wave
from tests.matching.factories import expert_request, outsider_company, scan
from tests.matching.test_engagement_support import engagement_in
from tests.pme.factories import CompanyFactory
from tests.training.factories import (
    AssessmentFactory,
    CpdActivityFactory,
    EnrolmentFactory,
    ModuleFactory,
    ProgrammeFactory,
    RegistrationFactory,
    SessionFactory,
)
from training.models import Certification

PERSONAS = [
    "anonymous",
    "consultant",
    "other_consultant",
    "pme_member",
    "other_member",
    "trainer",
    "reviewer",
    "decider",
    "editor",
]


def build_people() -> dict:
    def user(email, role, **fields):
        return UserFactory(email=email, roles=[role], **fields)

    return {
        "anonymous": None,
        "consultant": user("claire.consultante@example.be", Role.CONSULTANT),
        "other_consultant": user("marc.consultant@example.be", Role.CONSULTANT),
        "pme_member": user("sophie.pme@example.be", Role.PME),
        "other_member": user("olivier.autrepme@example.be", Role.PME),
        "trainer": user("tom.formateur@example.be", Role.TRAINER),
        "reviewer": user("rita.analyste@example.be", Role.REVIEWER),
        "decider": user("dirk.directeur@example.be", Role.DECIDER),
        "editor": user("elise.editrice@example.be", Role.EDITOR),
    }


def build_world(people: dict) -> dict:
    consultant, member = people["consultant"], people["pme_member"]

    programme = ProgrammeFactory()
    module = ModuleFactory(programme=programme)
    session = SessionFactory(module=module, trainer=people["trainer"])
    assessment = AssessmentFactory(module=module)
    enrolment = EnrolmentFactory(consultant=consultant, programme=programme)
    RegistrationFactory(session=session, enrolment=enrolment)
    certification = Certification.objects.create(
        enrolment=enrolment,
        consultant=consultant,
        programme=programme,
        expires_on=timezone.localdate() + datetime.timedelta(days=3 * 365),
    )
    cpd = CpdActivityFactory(consultant=consultant)

    application = complete_application(consultant=consultant)
    document = application.documents.first()
    accreditation = AccreditationFactory(consultant=consultant)
    Accreditation.objects.filter(pk=accreditation.pk).update(status="active")

    company = CompanyFactory(created_by=member)
    colleague = UserFactory(email="paul.collegue@example.be", roles=[Role.PME])
    Membership.objects.create(company=company, user=colleague)
    assessment_scan = scan(company)
    request = expert_request(company)
    other_company = outsider_company()
    Membership.objects.create(company=other_company, user=people["other_member"])
    engagement = engagement_in("proposed", expert=consultant, member=member)

    # The knowledge base: a published story and resource, a capsule waiting
    # for review, the Forum with the consultant registered, the company's
    # application to the club, and the barometer with an open wave.
    case_study = CaseStudyFactory(created_by=people["editor"], status="published")
    capsule = CapsuleFactory(created_by=people["editor"], status="in_review")
    resource = ResourceFactory(created_by=people["editor"], status="published")
    event = EventFactory(capacity=10, created_by=people["editor"])
    registration = EventRegistration(event=event, user=consultant)
    club_application = ClubMembershipFactory(company=company, applied_by=member)
    survey = make_survey()
    wave = make_wave(survey, status="open")

    return {
        "programme": programme,
        "session": session,
        "assessment": assessment,
        "enrolment": enrolment,
        "certification": certification,
        "cpd": cpd,
        "application": application,
        "document": document,
        "accreditation": accreditation,
        "company": company,
        "colleague": colleague,
        "scan": assessment_scan,
        "request": request,
        "other_company": other_company,
        "engagement": engagement,
        "case_study": case_study,
        "capsule": capsule,
        "resource": resource,
        "event": event,
        "registration": registration,
        "club_application": club_application,
        "survey": survey,
        "wave": wave,
    }
