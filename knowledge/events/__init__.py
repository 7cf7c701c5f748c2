"""The NWOW Forum (events, sessions, registrations with a waiting list) and the
club of liberated companies.
"""
