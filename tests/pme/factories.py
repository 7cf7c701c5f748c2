"""Factories of the pme app."""

import factory

from core.roles import Role
from pme.models import Company, Membership
from tests.factories import UserFactory

# Real enterprise numbers that pass the mod-97 check.
VALID_NUMBERS = ["0403019261", "0428759497", "0878065378"]


def valid_enterprise_number(n: int) -> str:
    """A distinct valid number per n: eight digits, then 97 - (them mod 97)."""
    first = 200_000_000 + n * 7919
    digits = f"{first:08d}"[-8:]
    check = 97 - int(digits) % 97
    return f"{digits}{check:02d}"


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"PME wallonne {n}")
    enterprise_number = factory.Sequence(valid_enterprise_number)
    postal_code = "5000"
    province = "BE-WNA"
    nace_code = "62.100"
    nace_section = "K"
    employees = 25
    annual_turnover_eur = 3_000_000
    balance_sheet_eur = 2_000_000
    size_class = "small"
    language = "fr"
    created_by = factory.SubFactory(UserFactory, roles=[Role.PME])

    @factory.post_generation
    def admin(self, create, extracted, **kwargs):
        # The registering user is the company's administrator.
        if create:
            Membership.objects.get_or_create(
                company=self, user=self.created_by, defaults={"role": "admin"}
            )
