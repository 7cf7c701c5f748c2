"""The demo world behind `manage.py seed_demo`.

Each app contributes a seeder with ``register_seeder``; the command runs them in
order with one shared ``DemoContext``. Seeders must be deterministic for a given
seed and idempotent (look rows up by a natural key before creating them), so
that running the command twice gives the same world.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from faker import Faker

from .models import User
from .roles import Role

DEMO_PASSWORD = "Demo-NWOW-2026"  # noqa: S105 - printed on purpose for the demo


@dataclass
class DemoContext:
    seed: int
    experts: int
    companies: int
    rng: random.Random = field(init=False)
    faker: Faker = field(init=False)
    users: dict[str, list[User]] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    progress: Callable[[int], None] = lambda steps: None
    password_hash: str = field(init=False)

    def __post_init__(self) -> None:
        # Hashing once: a full-strength hash per account would make a large
        # demo (--experts 1000) take minutes.
        self.password_hash = make_password(DEMO_PASSWORD)
        self.rng = random.Random(self.seed)  # noqa: S311 - demo data, no secret
        self.faker = Faker("fr_BE")
        self.faker.seed_instance(self.seed)


@dataclass(frozen=True)
class Seeder:
    order: int
    name: str
    steps: Callable[[DemoContext], int]
    run: Callable[[DemoContext], None]


_SEEDERS: list[Seeder] = []


def register_seeder(
    *,
    order: int,
    name: str,
    steps: Callable[[DemoContext], int],
    run: Callable[[DemoContext], None],
) -> None:
    if any(seeder.name == name for seeder in _SEEDERS):
        return
    _SEEDERS.append(Seeder(order=order, name=name, steps=steps, run=run))
    _SEEDERS.sort(key=lambda seeder: seeder.order)


def seeders() -> list[Seeder]:
    return list(_SEEDERS)


def demo_user(
    ctx: DemoContext,
    *,
    email: str,
    role: Role,
    first_name: str,
    last_name: str,
    language: str = "fr",
    show_login: bool = False,
) -> User:
    """Get or create a verified demo account with one role."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(
            email=email,
            password=ctx.password_hash,
            first_name=first_name,
            last_name=last_name,
            language=language,
            is_staff=role in {Role.ADMIN, Role.EDITOR},
        )
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    user.groups.add(Group.objects.get(name=role.value))
    ctx.users.setdefault(role.value, []).append(user)
    if show_login:
        ctx.logins.append((str(role.label), email, DEMO_PASSWORD))
    return user


# Named agency staff: fixed, so the printed logins never change.
STAFF = [
    (Role.ADMIN, "admin@nwow.demo", "Anne", "Lambert", "fr"),
    (Role.REVIEWER, "reviewer@nwow.demo", "Rachid", "El Amrani", "fr"),
    (Role.REVIEWER, "reviewer2@nwow.demo", "Nathalie", "Dubois", "fr"),
    (Role.DECIDER, "decider@nwow.demo", "Philippe", "Renard", "fr"),
    (Role.DECIDER, "decider2@nwow.demo", "Sabine", "Kessler", "de"),
    (Role.TRAINER, "trainer@nwow.demo", "Julie", "Marchal", "fr"),
    (Role.TRAINER, "trainer2@nwow.demo", "Koen", "Peeters", "nl"),
    (Role.EDITOR, "editor@nwow.demo", "Laura", "Collignon", "fr"),
]


def _person(ctx: DemoContext, index: int, prefix: str) -> tuple[str, str, str, str]:
    first_name = ctx.faker.first_name()
    last_name = ctx.faker.last_name()
    # German-speaking East Belgium and a few Dutch-speaking users, as in real life.
    language = ctx.rng.choices(["fr", "de", "nl", "en"], weights=[80, 8, 8, 4])[0]
    email = f"{prefix}{index:03d}@nwow.demo"
    return email, first_name, last_name, language


def _seed_people(ctx: DemoContext) -> None:
    for role, email, first_name, last_name, language in STAFF:
        demo_user(
            ctx,
            email=email,
            role=role,
            first_name=first_name,
            last_name=last_name,
            language=language,
            show_login=email.split("@")[0]
            in {"admin", "reviewer", "decider", "trainer", "editor"},
        )
        ctx.progress(1)

    for role, prefix, count in [
        (Role.CONSULTANT, "consultant", ctx.experts),
        (Role.PME, "pme", ctx.companies),
    ]:
        for index in range(1, count + 1):
            email, first_name, last_name, language = _person(ctx, index, prefix)
            demo_user(
                ctx,
                email=email,
                role=role,
                first_name=first_name,
                last_name=last_name,
                language=language,
                show_login=index == 1,
            )
            ctx.progress(1)


register_seeder(
    order=10,
    name="people",
    steps=lambda ctx: len(STAFF) + ctx.experts + ctx.companies,
    run=_seed_people,
)
