"""Shared test support: the independent .docx reader, sample variants, forms and drafts built for tests.

Test files import from here and never from each other.
"""
