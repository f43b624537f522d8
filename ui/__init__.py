"""The Streamlit front end (pages, strings, cached resources); ``app.py`` is the entry.

Kept outside ``src/intervju`` on purpose: the core never imports Streamlit.
"""
