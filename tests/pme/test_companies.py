"""Company services: registration checks, derived fields, changes, members."""

import pytest

from core.errors import DomainError, NotAllowed, NotFound, TransitionNotAllowed
from core.models import AuditEntry
from core.roles import Role
from pme.models import Company, Membership
from pme.selectors.companies import (
    company_ids_of_user,
    company_list_for,
    consultant_conflicts,
)
from pme.services.companies import company_register, company_update, member_remove
from tests.factories import UserFactory
from tests.pme.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def register(user, **overrides):
    fields = {
        "name": "Atelier Mosan",
        "enterprise_number": "0403.019.261",
        "postal_code": "5000",
        "nace_code": "62.100",
        "employees": 25,
        "annual_turnover_eur": 3_000_000,
        "balance_sheet_eur": 2_000_000,
        **overrides,
    }
    return company_register(user=user, **fields)


def refusal(user, **overrides) -> DomainError:
    with pytest.raises(DomainError) as caught:
        register(user, **overrides)
    return caught.value


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("0403.019.261", "0403019261"),
        ("BE0428759497", "0428759497"),
        ("0878 065 378", "0878065378"),
        ("be 0428.759.497", "0428759497"),
    ],
)
def test_it_accepts_and_normalises_real_enterprise_numbers(pme_member, written, stored):
    company = register(pme_member, enterprise_number=written)

    assert company.enterprise_number == stored


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("0403.019.262", "enterprise_number_checksum"),
        ("BE0428759496", "enterprise_number_checksum"),
        ("12345", "enterprise_number_format"),
        ("2403019261", "enterprise_number_format"),
        ("04O3019261", "enterprise_number_format"),
    ],
)
def test_it_refuses_invalid_enterprise_numbers(pme_member, written, code):
    error = refusal(pme_member, enterprise_number=written)

    assert error.code == code
    assert "enterprise_number" in error.fields
    assert not Company.objects.exists()


def test_it_refuses_a_number_already_registered(pme_member):
    register(pme_member, enterprise_number="0403019261")

    error = refusal(pme_member, enterprise_number="BE 0403.019.261")

    assert error.code == "enterprise_number_taken"
    assert error.status_code == 400
    assert Company.objects.count() == 1


@pytest.mark.parametrize(
    ("postal_code", "code"),
    [
        ("1000", "postal_code_brussels"),
        ("1200", "postal_code_brussels"),
        ("2000", "postal_code_flanders"),
        ("9000", "postal_code_flanders"),
        ("500", "postal_code_format"),
    ],
)
def test_it_refuses_postal_codes_outside_wallonia(pme_member, postal_code, code):
    error = refusal(pme_member, postal_code=postal_code)

    assert error.code == code
    assert "postal_code" in error.fields


def test_it_explains_why_brussels_is_refused(pme_member, english):
    error = refusal(pme_member, postal_code="1000")

    assert "Brussels-Capital Region" in str(error.detail)


@pytest.mark.parametrize(
    ("postal_code", "province", "language"),
    [
        ("4700", "BE-WLG", "de"),
        ("4791", "BE-WLG", "de"),
        ("4000", "BE-WLG", "fr"),
        ("1348", "BE-WBR", "fr"),
        ("5000", "BE-WNA", "fr"),
        ("6700", "BE-WLX", "fr"),
        ("7000", "BE-WHT", "fr"),
    ],
)
def test_it_derives_province_and_default_language(
    pme_member, postal_code, province, language
):
    company = register(pme_member, postal_code=postal_code)

    assert company.province == province
    assert company.language == language


def test_it_keeps_a_chosen_language_in_eupen(pme_member):
    company = register(pme_member, postal_code="4700", language="fr")

    assert company.language == "fr"


def test_it_normalises_the_nace_code_and_derives_the_section(pme_member):
    company = register(pme_member, nace_code="6210")

    assert company.nace_code == "62.10"
    assert company.nace_section == "K"
    assert company.nace_version == "2025"


def test_it_refuses_an_unknown_nace_division(pme_member):
    error = refusal(pme_member, nace_code="45.200")

    assert error.code == "nace_unknown_division"
    assert "nace_code" in error.fields


@pytest.mark.parametrize(
    ("employees", "turnover", "balance", "size"),
    [
        (9, 2_000_000, 2_000_000, "micro"),
        (10, 2_000_000, 2_000_000, "small"),
        (49, 10_000_000, 10_000_000, "small"),
        (249, 50_000_000, 60_000_000, "medium"),
        (249, 80_000_000, 43_000_000, "medium"),
        (30, 50_000_000, None, "medium"),
    ],
)
def test_it_derives_the_sme_size_class(pme_member, employees, turnover, balance, size):
    company = register(
        pme_member,
        employees=employees,
        annual_turnover_eur=turnover,
        balance_sheet_eur=balance,
    )

    assert company.size_class == size


@pytest.mark.parametrize(
    ("employees", "turnover", "balance"),
    [
        (250, 1_000_000, 1_000_000),
        (100, 50_000_001, 43_000_001),
    ],
)
def test_it_refuses_a_company_above_the_sme_ceilings(
    pme_member, english, employees, turnover, balance
):
    error = refusal(
        pme_member,
        employees=employees,
        annual_turnover_eur=turnover,
        balance_sheet_eur=balance,
    )

    assert error.code == "not_sme"
    assert "2003/361/EC" in str(error.detail)
    assert not Company.objects.exists()


def test_it_makes_the_registering_user_admin_and_audits(pme_member):
    company = register(pme_member)

    membership = Membership.objects.get(company=company)
    assert (membership.user, membership.role) == (pme_member, "admin")
    assert company.created_by == pme_member
    entry = AuditEntry.objects.get(action="pme.company.registered")
    assert (entry.actor, entry.object_id) == (pme_member, str(company.pk))


def test_it_lets_only_company_accounts_register(consultant):
    with pytest.raises(NotAllowed):
        register(consultant)

    assert not Company.objects.exists()


def test_it_updates_with_the_same_checks_and_rederives(pme_member):
    company = register(pme_member)

    company = company_update(
        company=company, actor=pme_member, postal_code="6700", employees=5
    )

    assert company.province == "BE-WLX"
    # €3 M turnover is above the micro ceiling, a €2 M balance sheet is not.
    assert company.size_class == "micro"
    with pytest.raises(DomainError) as caught:
        company_update(company=company, actor=pme_member, postal_code="9000")
    assert caught.value.code == "postal_code_flanders"
    assert AuditEntry.objects.filter(action="pme.company.updated").count() == 1


def test_it_refuses_to_take_another_companys_number_on_update(pme_member):
    CompanyFactory(enterprise_number="0428759497")
    company = register(pme_member)

    with pytest.raises(DomainError) as caught:
        company_update(
            company=company, actor=pme_member, enterprise_number="BE0428759497"
        )

    assert caught.value.code == "enterprise_number_taken"


def test_it_refuses_derived_fields_on_update(pme_member):
    company = register(pme_member)

    with pytest.raises(DomainError):
        company_update(company=company, actor=pme_member, province="BE-WHT")


def test_it_lets_only_admins_update(pme_member):
    company = CompanyFactory()
    colleague = UserFactory(roles=[Role.PME])
    Membership.objects.create(company=company, user=colleague, role="member")

    with pytest.raises(NotAllowed):
        company_update(company=company, actor=colleague, name="Renamed")
    with pytest.raises(NotAllowed):
        company_update(company=company, actor=pme_member, name="Renamed")


def test_it_removes_a_member_but_never_the_last_admin(pme_member):
    company = register(pme_member)
    colleague = UserFactory(roles=[Role.PME])
    Membership.objects.create(company=company, user=colleague, role="member")

    member_remove(company=company, actor=pme_member, user=colleague)

    assert not company.memberships.filter(user=colleague).exists()
    with pytest.raises(TransitionNotAllowed) as caught:
        member_remove(company=company, actor=pme_member, user=pme_member)
    assert caught.value.code == "last_admin"
    assert AuditEntry.objects.filter(action="pme.member.removed").count() == 1


def test_it_lets_an_admin_leave_when_another_admin_remains(pme_member):
    company = register(pme_member)
    other_admin = UserFactory(roles=[Role.PME])
    Membership.objects.create(company=company, user=other_admin, role="admin")

    member_remove(company=company, actor=pme_member, user=pme_member)

    assert list(company.memberships.values_list("user", flat=True)) == [other_admin.pk]


def test_it_refuses_removal_by_a_plain_member_or_of_a_stranger(pme_member):
    company = register(pme_member)
    colleague = UserFactory(roles=[Role.PME])
    Membership.objects.create(company=company, user=colleague, role="member")

    with pytest.raises(NotAllowed):
        member_remove(company=company, actor=colleague, user=pme_member)
    with pytest.raises(NotFound):
        member_remove(company=company, actor=pme_member, user=UserFactory())


def test_it_lists_only_the_users_companies_but_all_for_the_agency(pme_member, reviewer):
    own = CompanyFactory(created_by=pme_member)
    CompanyFactory()

    assert list(company_list_for(pme_member)) == [own]
    assert company_list_for(reviewer).count() == 2


def test_it_records_a_consultant_member_as_a_conflict(consultant):
    company = CompanyFactory()
    CompanyFactory()
    Membership.objects.create(company=company, user=consultant, role="member")

    assert consultant_conflicts(consultant) == {company.pk}
    assert company_ids_of_user(consultant) == {company.pk}
    assert consultant_conflicts(UserFactory()) == set()
