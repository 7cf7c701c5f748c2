"""Reads of the knowledge base: lists, the cross-kind search, recommendations."""
