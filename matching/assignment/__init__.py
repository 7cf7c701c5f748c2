"""Batch assignment: the optimal solver (no Django) and the service on top."""
