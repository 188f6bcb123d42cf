"""A bounded load test on 127.0.0.1: 50 browsers' worth of clients, 200 requests each, reads
and writes mixed, several clients writing to the same office at once. Every write must be
recorded (one event each) and every request answered; the latency percentiles are printed
for the notes, never asserted."""
import http.client
import statistics
import threading
import time
import urllib.parse

import electsec
from conftest import Server

CLIENTS = 50
REQUESTS = 200
TIME_LIMIT = 240  # seconds: the test stops issuing requests after this, and says so


def test_many_clients_lose_no_update(store_path):
    server = Server(store_path, "--quiet", "--max-rate", "100000")
    cat = electsec.default_catalog()
    actions = [a.id for a in cat.actions(maturity=1)]
    offices = [f"us-xx-c{i}" for i in range(1, 7)]
    with electsec.Store.open(str(store_path)) as s:
        events_before = s.event_count
    reads = ["/", "/office/{office}", "/office/{office}/plan", "/guide/practice/backups", "/guide/search?q=backup",
             "/office/{office}/questionnaire"]
    deadline = time.monotonic() + TIME_LIMIT
    latencies, failures, writes = [], [], []
    lock = threading.Lock()

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        auth = {"Authorization": f"Bearer {server.token}"}
        mine_latencies, mine_failures, mine_writes = [], [], []
        for i in range(REQUESTS):
            if time.monotonic() > deadline:
                break
            office = offices[(n + i) % len(offices)]
            if i % 4 == 3:  # a quarter are writes: a note no one else writes, so each is one event
                action = actions[(n * REQUESTS + i) % len(actions)]
                note = f"client {n} request {i}"
                body = urllib.parse.urlencode({"action": action, "status": "in_progress", "note": note})
                method, path = "POST", f"/office/{office}/status"
                headers = {**auth, "Content-Type": "application/x-www-form-urlencoded"}
            elif i % 50 == 0:
                method, path, body, headers = "GET", "/state?state=XX", None, auth
            else:
                method, path, body, headers = "GET", reads[i % len(reads)].format(office=office), None, auth
            start = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                res = conn.getresponse()
                page = res.read().decode("utf-8", "replace")
                status = res.status
                if status >= 400:
                    status = (status, page[page.find('class="error"'):][:300])
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
                status = repr(e)
            mine_latencies.append(time.perf_counter() - start)
            if status != (303 if method == "POST" else 200):
                mine_failures.append((method, path, status))
            elif method == "POST":
                mine_writes.append((office, action, note))
        conn.close()
        with lock:
            latencies.extend(mine_latencies)
            failures.extend(mine_failures)
            writes.extend(mine_writes)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    code, err = server.stop()
    assert code == 0, err

    assert not failures, failures[:10]
    q = statistics.quantiles(latencies, n=100)
    print(f"\nload: {len(latencies)} requests ({len(writes)} writes) from {CLIENTS} clients in {elapsed:.1f} s "
          f"({len(latencies) / elapsed:.0f}/s); latency p50 {q[49] * 1000:.1f} ms, p90 {q[89] * 1000:.1f} ms, "
          f"p99 {q[98] * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms")
    if len(latencies) < CLIENTS * REQUESTS:
        print(f"load: stopped at the {TIME_LIMIT} s limit after {len(latencies)} of {CLIENTS * REQUESTS} requests")
    with electsec.Store.open(str(store_path)) as s:
        assert s.event_count == events_before + len(writes)
        assert not s.check()
        history = {(e.office, e.subject[len("status:"):], e.note) for o in offices for e in s.history(o)}
    assert all(w in history for w in writes)
