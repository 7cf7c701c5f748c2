"""Typed access to environment variables that fails loudly.

Every setting that differs between machines comes from the environment through
these helpers. A missing required variable or a badly typed value raises
``ImproperlyConfigured`` at start-up, naming the variable, instead of letting the
process run with a silently wrong configuration.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# A .env file beside manage.py is a convenience for local runs; real deployments
# set the variables in the process environment, which always wins.
_env_file = BASE_DIR / ".env"
if _env_file.is_file():
    environ.Env.read_env(str(_env_file), overwrite=False)
