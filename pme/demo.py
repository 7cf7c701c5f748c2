"""Demo companies across the five provinces and three sizes, with their scans.

Companies come in groups of six that share size class, NACE section and
province, so that every company of a full group has five peers to compare
with (the benchmark's minimum group); each takes one
to three scans, spread over the past two years and improving over time.
"""

import datetime

from django.utils import timezone

from core.demo import DemoContext, register_seeder

from .models import Assessment, Company

# (size: (employees, turnover), NACE code, province postal codes, trades)
GROUPS = [
    ("small", "62.100", ["5000", "5100", "5300"], "Informatique"),
    ("micro", "47.190", ["4000", "4020", "4800"], "Commerce"),
    ("medium", "25.110", ["6000", "7000", "7500"], "Constructions métalliques"),
    ("small", "70.200", ["1300", "1340", "1400"], "Conseil"),
    ("micro", "56.101", ["6700", "6800", "6900"], "Restaurant"),
    ("small", "10.710", ["4000", "4100", "4600"], "Boulangerie"),
    ("medium", "62.100", ["6000", "7100", "7300"], "Services numériques"),
    ("micro", "71.110", ["5000", "5060", "5500"], "Bureau d'architecture"),
]
SIZES = {
    "micro": ((3, 9), 900_000),
    "small": ((12, 48), 6_000_000),
    "medium": ((60, 240), 30_000_000),
}


def _enterprise_number(ctx: DemoContext) -> str:
    # Eight random digits starting with 0, then the mod-97 check digits.
    first = f"0{ctx.rng.randint(2_000_000, 9_999_999):07d}"
    return f"{first}{97 - int(first) % 97:02d}"


def _answers(ctx: DemoContext, structure, maturity: float) -> dict:
    answers = {}
    for questions in structure.values():
        for code in questions:
            if ctx.rng.random() < 0.06:
                answers[code] = None  # "don't know"
                continue
            value = round(maturity + ctx.rng.uniform(-1.2, 1.2))
            answers[code] = max(0, min(4, value))
    return answers


def _steps(ctx: DemoContext) -> int:
    return ctx.companies


def seed(ctx: DemoContext) -> None:
    from .selectors.scans import questionnaire_current, questionnaire_structure
    from .services.companies import company_register
    from .services.scans import assessment_submit

    structure = questionnaire_structure(questionnaire_current())
    today = timezone.now()
    for index, user in enumerate(ctx.users.get("pme", [])):
        ctx.progress(1)
        if Company.objects.filter(created_by=user).exists():
            continue  # idempotent: the user's company was made by a past run
        size, nace, postal_codes, trade = GROUPS[(index // 6) % len(GROUPS)]
        (low, high), turnover = SIZES[size]
        company = company_register(
            user=user,
            name=f"{trade} {ctx.faker.last_name()}",
            enterprise_number=_enterprise_number(ctx),
            postal_code=ctx.rng.choice(postal_codes),
            nace_code=nace,
            employees=ctx.rng.randint(low, high),
            annual_turnover_eur=int(turnover * ctx.rng.uniform(0.4, 1.0)),
            balance_sheet_eur=int(turnover * ctx.rng.uniform(0.3, 0.8)),
        )
        maturity = ctx.rng.uniform(0.6, 2.6)
        scans = ctx.rng.randint(1, 3)
        for number in range(scans):
            assessment = assessment_submit(
                user=user,
                company=company,
                answers=_answers(ctx, structure, maturity + 0.5 * number),
            )
            # Past scans are dated back, the latest one is today's.
            months_ago = 9 * (scans - 1 - number)
            taken_at = today - datetime.timedelta(days=30 * months_ago)
            Assessment.objects.filter(pk=assessment.pk).update(taken_at=taken_at)


def register() -> None:
    register_seeder(order=40, name="companies", steps=_steps, run=seed)
