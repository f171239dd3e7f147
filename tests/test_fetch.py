"""URLs as articles, against a local HTTP server on 127.0.0.1 (never the internet): pages reported,
a failing URL named with exit 2 while the others are still reported, --save for offline re-runs."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factcheck import fetch
from factcheck.load import load_articles
from factcheck.model import Article

PAGE = (Path(__file__).parent / "data" / "html" / "toll.html").read_text(encoding="utf-8")
OTHER = PAGE.replace("260,000", "250,000").replace("The Paper", "Other Paper").replace("paper.example", "other.example")
TEXT = "About 4.8 million people have fled Syria, the UN says.\n"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server name
        routes = {"/a.html": (200, "text/html; charset=utf-8", PAGE), "/b.html": (200, "text/html", OTHER),
                  "/c.txt": (200, "text/plain; charset=utf-8", TEXT), "/pic.png": (200, "image/png", "\x89PNG")}
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(fetch.MAX_PAGE_BYTES + 1))
            self.end_headers()
            return
        code, kind, body = routes.get(self.path, (404, "text/plain", "not found"))
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fc(*args, cwd):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_report_on_two_urls_and_an_unreachable_one(server, tmp_path):
    dead = f"http://127.0.0.1:{_closed_port()}/gone.html"
    r = fc("report", f"{server}/a.html", f"{server}/b.html", dead, "--format", "json", "--isolated", cwd=tmp_path)
    assert "Traceback" not in r.stderr and r.returncode == 2, r.stderr
    assert f"{dead}: cannot fetch" in r.stderr
    doc = json.loads(r.stdout)
    assert [a["path"] for a in doc["articles"]] == [f"{server}/a.html", f"{server}/b.html"]
    assert {a["source"] for a in doc["articles"]} == {"The Paper", "Other Paper"}
    assert {c["low"] for c in doc["claims"]} >= {260_000, 250_000}


@pytest.mark.parametrize("path, message", [("/missing.html", "HTTP error 404"), ("/loop", "redirect"),
                                           ("/big", "more than the"), ("/pic.png", "not a web page")])
def test_a_failing_url_is_one_problem_naming_it(server, path, message):
    articles, problems = load_articles([f"{server}{path}", f"{server}/c.txt"])
    assert [a.text for a in articles] == [TEXT]
    assert len(problems) == 1 and problems[0].path == f"{server}{path}" and message in problems[0].message


def test_save_keeps_pages_for_an_offline_rerun(server, tmp_path):
    saved = tmp_path / "saved"
    online = fc("report", f"{server}/a.html", f"{server}/b.html", "--save", str(saved), "--format", "json",
                "--isolated", cwd=tmp_path)
    assert online.returncode in (0, 1), online.stderr
    assert len(list(saved.glob("*.html"))) == 2 and (saved / "sources.yaml").is_file()
    offline = fc("report", str(saved), "--format", "json", "--isolated", cwd=tmp_path)
    assert offline.returncode == online.returncode, offline.stderr

    def claims(doc):
        return sorted((c["article"], c["text"], c["line"], c["column"], c["low"]) for c in json.loads(doc)["claims"])

    assert claims(offline.stdout) == claims(online.stdout)
    articles, _ = load_articles([saved])
    urls = sorted(a.url for a in articles)
    assert urls == [f"{server}/a.html", f"{server}/b.html"]


def test_draft_against_a_url(server, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2016-02-12\n---\nMore than 260,000 people have been killed in Syria.\n", "utf-8")
    r = fc("draft", str(draft), "--against", f"{server}/a.html", "--format", "json", "--isolated", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert any(a["path"] == str(draft) for a in json.loads(r.stdout)["articles"])


def test_url_article_positions_point_into_the_page(server):
    (a,), problems = load_articles([f"{server}/a.html"])
    assert problems == [] and isinstance(a, Article) and a.id.startswith("a-")
    from factcheck.claims import extract_claims

    for c in extract_claims(a):
        assert PAGE[c.start:c.end] == c.text
