"""factcheck: find the figures in news articles and report where sources disagree.

Heavy libraries (pandas, quantulum3, pint) are imported lazily, so ``factcheck --help``
starts fast; the public names below load their modules on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract_quantities", "extract_claims", "load_articles", "Quantity", "Claim", "Article", "Finding", "Report"]


def __getattr__(name: str):
    if name == "extract_quantities":
        from factcheck.quantities import extract_quantities

        return extract_quantities
    if name == "extract_claims":
        from factcheck.claims import extract_claims

        return extract_claims
    if name == "load_articles":
        from factcheck.load import load_articles

        return load_articles
    if name in ("Quantity", "Claim", "Article", "Finding", "Report"):
        from factcheck import model

        return getattr(model, name)
    raise AttributeError(name)
