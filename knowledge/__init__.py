"""What PMEs learn from their peers.

Three apps share this package because they share the audience and the needs
taxonomy, while each keeps its own tables and migrations:

- ``knowledge`` (this folder): case studies, video capsules, the resource
  catalogue, the search across them and the recommendations;
- ``knowledge.surveys``: the yearly NWOW adoption barometer;
- ``knowledge.events``: the NWOW Forum and the club of liberated companies.
"""
