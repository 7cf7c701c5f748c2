"""Reads of the accreditation app, one module per entity."""
