"""Belgian and EU reference data: identifiers, geography, SME size, NACE, taxonomy.

Plain Python with no models, so that any app may import it without creating a
dependency on another app's tables.
"""
