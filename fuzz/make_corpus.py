"""Build the seed corpus of each fuzz target from the project's seeds, rules and test data.

``python fuzz/make_corpus.py`` (re)writes fuzz/corpus/{load,quantities,rules}/seed-*; files
the fuzzer adds are left alone. Seeds are cut to 4 KB: the fuzzer mutates small inputs best.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
LIMIT = 4096


def _put(target: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    data = data[:LIMIT]
    (folder / f"seed-{hashlib.sha1(data).hexdigest()[:12]}").write_bytes(data)


def main() -> None:
    articles = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "html").glob("*.html"))
    for path in articles:
        data = path.read_bytes()
        prefix = bytes([2]) if path.suffix == ".html" else bytes([0])  # the load target picks the suffix by byte 0
        _put("load", prefix + data)
        for para in data.split(b"\n\n")[:20]:
            if any(ch.isdigit() for ch in para.decode("utf-8", "replace")):
                _put("quantities", para)
    _put("load", b"\x00---\nsource: AFP\npublished: 2024-02-30\ntitle: &a [x, *a]\n---\nAt least 5 people died.\n")
    _put("load", b"\x01" + b"1" + b"0" * 400 + b" people were killed; 04/03/2024.\n")
    for path in sorted((ROOT / "rules").glob("*.yaml")) + sorted((ROOT / "tests" / "data" / "rules_bad").glob("*.yaml")):
        _put("rules", path.read_bytes())
    _put("rules", b"rules:\n  - id: r\n    message: m\n    level: info\n    when: value > 2 ** 10\n")


if __name__ == "__main__":
    main()
