"""Small helpers for single lessons: one module per lesson topic, each with its own tests.

Shared presentation lives in charts.py and widgets.py; a module here holds only what
one lesson needs (a table, a check list of exercises) so the notebook cells stay short.
"""
