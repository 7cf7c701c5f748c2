"""makemessages without fuzzy matching.

msgmerge's guesses (a new "Logged out" given the translation of "Log out")
look translated; with them switched off a new string arrives empty, and the
translation check fails until someone really translates it.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
