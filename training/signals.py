"""Signals other apps may listen to; training itself imports none of them.

``certification_issued`` is sent once a certification is committed, with
``sender=Certification`` and ``certification=<Certification>``. Accreditation
listens to it to move applications waiting for training.
"""

from django.dispatch import Signal

certification_issued = Signal()
