"""Missions (engagements): choosing an expert, the mission's workflow, its
working sessions, rating and measured outcome.

``services`` writes (every status change through core.workflow.run_transition),
``selectors`` reads.
"""
