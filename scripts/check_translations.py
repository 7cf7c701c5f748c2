#!/usr/bin/env python
"""Fail when a user-facing string lacks its French translation.

1. Re-extract every catalogue from the code and templates (makemessages), so a
   string added without running `make messages` is caught too.
2. French must have no untranslated and no fuzzy entry; German and Dutch are
   reported.
3. The committed French .mo must match its .po (compiled catalogue up to date).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
REQUIRED = ["fr"]
REPORTED = ["de", "nl"]
IGNORE = [".venv", "tests", "bench", "data", "staticfiles", "artifacts", "scripts"]


def run(*args: str) -> str:
    # Fixed commands of our own: no shell, no user input.
    result = subprocess.run(  # noqa: S603
        args, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def entries(po: Path, *flags: str) -> list[str]:
    out = run("msgattrib", *flags, "--no-obsolete", str(po))
    ids = [line for line in out.splitlines() if line.startswith("msgid ")]
    return [i for i in ids if i != 'msgid ""']


def main() -> int:
    languages = [arg for lang in REQUIRED + REPORTED for arg in ("-l", lang)]
    ignores = [arg for name in IGNORE for arg in ("--ignore", name)]
    run(
        sys.executable,
        "manage.py",
        "makemessages",
        *languages,
        "--no-obsolete",
        "--add-location",
        "file",
        *ignores,
        "-v",
        "0",
    )

    failed = False
    for language in REQUIRED + REPORTED:
        po = LOCALE / language / "LC_MESSAGES" / "django.po"
        missing = entries(po, "--untranslated")
        fuzzy = entries(po, "--only-fuzzy")
        if not missing and not fuzzy:
            print(f"{language}: complete")
            continue
        print(f"{language}: {len(missing)} untranslated, {len(fuzzy)} fuzzy")
        for msgid in (missing + fuzzy)[:20]:
            print(f"    {msgid}")
        failed = failed or language in REQUIRED

    for language in REQUIRED:
        po = LOCALE / language / "LC_MESSAGES" / "django.po"
        mo = po.with_suffix(".mo")
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "django.mo"
            run("msgfmt", "--check", "-o", str(fresh), str(po))
            if not mo.exists() or mo.read_bytes() != fresh.read_bytes():
                print(f"{language}: django.mo is out of date; run `make messages`")
                failed = True

    if failed:
        print("Missing French translations: run `make messages` and translate.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
