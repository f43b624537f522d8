"""Placeholder until the HTML renderer is written."""

from __future__ import annotations

from .report import ReviewReport


def render_html(report: ReviewReport) -> str:
    return "<html></html>"
