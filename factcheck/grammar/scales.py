"""Scale words and suffixes ("million", "bn", "m", "crore") and vague numerals ("tens of thousands")."""

from __future__ import annotations

import re

__all__ = ["SCALES", "SHORT_SCALES", "SCALEWORD", "SHORT_SCALE", "VAGUE", "VAGUE_PATTERN", "FEW", "FEW_PATTERN",
           "scale_factor", "vague_range", "few_range"]

SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
          "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
                "bn": 1_000_000_000, "b": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000,
                "trn": 1_000_000_000_000, "tr": 1_000_000_000_000}
SCALEWORD = "hundred|thousand|lakhs?|million|crores?|billion|trillion"
#: a suffix scale glued to the digits ("3m", "1.2bn") or after a space ("1.2 bn", "8 B people")
SHORT_SCALE = r"(?:\s?(?:bn|mn|mln|bln|tn|trn)|k|m|b|\s[BM](?=\s+[a-z]))\b"

#: vague numerals -> (low, high) of the decade they name
VAGUE = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999), "billions": (2e9, 9.999e9),
}
VAGUE_PATTERN = (r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores(?=\s+of)|hundreds|thousands|"
                 r"millions|billions)\b")
FEW = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3), "a handful of": (3, 6)}
FEW_PATTERN = rf"\b(?:several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+(?P<few_scale>{SCALEWORD}|dozen)\b"


def scale_factor(word: str) -> float | None:
    """The factor of a scale word or suffix ("million", "bn", "M", "crores"); None if it is not one."""
    w = word.strip().lower()
    if w in SCALES:
        return SCALES[w]
    if w.endswith("s") and w[:-1] in ("lakh", "crore"):
        return SCALES[w[:-1]]
    return SHORT_SCALES.get(w)


def vague_range(surface: str) -> tuple[float, float]:
    """(low, high) named by a vague numeral ("tens of thousands" -> (20000, 99999))."""
    return VAGUE[re.sub(r"\s+", " ", surface.lower())]


def few_range(surface: str, scale_word: str) -> tuple[float, float]:
    """(low, high) of "several million", "a few hundred", "a couple of dozen"."""
    scale = 12 if scale_word.lower() == "dozen" else scale_factor(scale_word)
    lower = re.sub(r"\s+", " ", surface.lower())
    key = lower[: lower.rfind(scale_word.lower())].strip()
    lo, hi = FEW.get(key, (3, 9))
    return float(lo * scale), float(hi * scale)
