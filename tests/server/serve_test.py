#!/usr/bin/env python3
"""`kizuna serve` against idle, slow, hostile and vanishing clients, with real sockets.

Usage: serve_test.py KIZUNA DATA_DIR WEB_DIR

Each check starts the real binary on a free loopback port over the curated data and asserts what a
client sees: idle and half-sent connections do not delay others and are closed after their time; the
Host header is checked; only the page's own files are served, with validators and compressed once;
client-set limits stop at the server's; a query whose client has gone stops; a copy of the binary
finds its page next to its installation or through $KIZUNA_WEB, or refuses to start naming where it
looked. Measured times are printed (bench/README quotes them).
"""
import gzip
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

KIZUNA, DATA, WEB = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


class Serve:
    """`kizuna serve --port 0` with the given options; stopped with SIGINT on exit."""

    def __init__(self, db, *options, env=None, binary=KIZUNA):
        self.process = subprocess.Popen(
            [binary, "--db", db, "serve", "--port", "0", *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise RuntimeError("serve did not start: " + line + self.process.stderr.read())
        self.port = int(match.group(1))
        self.token = None
        if "--allow-write" in options:
            self.token = self.process.stdout.readline().split(": ")[1].strip()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def request(self, method, path, body=None, headers=None, timeout=10):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response, data

    def timed_stats(self):
        start = time.perf_counter()
        response, data = self.request("GET", "/api/stats")
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status == 200 and json.loads(data)["entities"] > 0
        return elapsed

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def connect(self):
        return socket.create_connection(("127.0.0.1", self.port), timeout=5)


def closed_by_server(sock, within):
    """Whether the server closes the socket within the given seconds (EOF or reset)."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def make_database(folder):
    db = os.path.join(folder, "k.db")
    for args in (["init"], ["import", "--quiet", DATA]):
        subprocess.run([KIZUNA, "--db", db, *args], check=True, capture_output=True)
    return db


def idle_and_slow_connections(db):
    with Serve(db, "--idle-timeout", "20000", "--header-timeout", "20000") as serve:
        baseline = [serve.timed_stats() for _ in range(5)]
        idle = [serve.connect() for _ in range(200)]
        time.sleep(0.2)
        with_idle = [serve.timed_stats() for _ in range(10)]
        print(f"     /api/stats: {statistics.median(baseline):.1f} ms alone; with 200 idle connections "
              f"median {statistics.median(with_idle):.1f} ms, max {max(with_idle):.1f} ms")
        check(max(with_idle) < 100, "with 200 idle connections open, /api/stats answers in < 100 ms")
        # Half-sent requests (a header line at a time, never finished) hold no thread either.
        slow = [serve.connect() for _ in range(100)]
        for sock in slow:
            sock.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(0.2)
        with_slow = [serve.timed_stats() for _ in range(10)]
        print(f"     with 100 half-sent requests more: median {statistics.median(with_slow):.1f} ms, "
              f"max {max(with_slow):.1f} ms")
        check(max(with_slow) < 100, "with 100 half-sent requests as well, /api/stats answers in < 100 ms")
        for sock in idle + slow:
            sock.close()

    with Serve(db, "--idle-timeout", "300", "--header-timeout", "600") as serve:
        idle = serve.connect()
        start = time.perf_counter()
        check(closed_by_server(idle, 3), "an idle connection is closed after --idle-timeout")
        print(f"     closed after {(time.perf_counter() - start) * 1000:.0f} ms (--idle-timeout 300)")
        slow = serve.connect()
        start = time.perf_counter()
        slow.sendall(b"GET /api/stats HTTP/1.1\r\n")
        for _ in range(20):  # a byte every 100 ms: each read is quick, the headers never end
            try:
                slow.sendall(b"X")
            except OSError:
                break
            time.sleep(0.1)
        check(closed_by_server(slow, 3), "a request trickling in is closed after --header-timeout")
        elapsed = (time.perf_counter() - start) * 1000
        check(elapsed < 1500, f"... after {elapsed:.0f} ms (--header-timeout 600)")
        # Kept alive: a second request on the same connection is answered, then the idle one closes.
        kept = serve.connect()
        request = f"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:{serve.port}\r\n\r\n".encode()
        kept.sendall(request + request)  # two pipelined requests
        kept.settimeout(3)
        received = b""
        while received.count(b"HTTP/1.1 200") < 2:
            data = kept.recv(65536)
            if not data:
                break
            received += data
        check(received.count(b"HTTP/1.1 200") == 2, "two pipelined requests on one connection both answered")
        check(closed_by_server(kept, 3), "... and the connection closes when idle after them")

    with Serve(db, "--max-connections", "50") as serve:
        first = [serve.connect() for _ in range(50)]
        time.sleep(0.2)
        more = [serve.connect() for _ in range(60)]
        time.sleep(0.3)
        elapsed = serve.timed_stats()
        check(elapsed < 100, f"past --max-connections 50, a new client is answered ({elapsed:.1f} ms)")
        check(closed_by_server(first[0], 2), "... by closing the connection idle longest")
        for sock in first + more:
            sock.close()


def hosts(db):
    with Serve(db) as serve:
        for name in ("127.0.0.1", "localhost", "[::1]", "LOCALHOST"):
            response, _ = serve.request("GET", "/api/stats", headers={"Host": f"{name}:{serve.port}"})
            check(response.status == 200, f"Host {name}:PORT is answered")
        for name in (f"evil.example:{serve.port}", "evil.example", f"127.0.0.1:{serve.port + 1}",
                     f"localhost.evil.example:{serve.port}"):
            response, data = serve.request("GET", "/api/stats", headers={"Host": name})
            answer = json.loads(data)
            check(response.status == 421 and "--allow-host" in answer["error"] and answer["exit"] == 2,
                  f"Host {name} is refused with 421 and advice ({answer['error'][:60]}...)")
        response, _ = serve.request("GET", "/", headers={"Host": f"evil.example:{serve.port}"})
        check(response.status == 421, "... the page too")
    with Serve(db, "--allow-host", "kizuna.lan", "--allow-host", "Other.Example") as serve:
        for name in ("kizuna.lan", "other.example"):
            response, _ = serve.request("GET", "/api/stats", headers={"Host": f"{name}:{serve.port}"})
            check(response.status == 200, f"--allow-host: Host {name}:PORT is answered")


def static_files(db):
    with Serve(db) as serve:
        response, page = serve.request("GET", "/")
        check(response.status == 200 and b"<html" in page.lower(), "/ is the page")
        etag = response.getheader("ETag")
        check(etag is not None and etag.startswith('"'), f"... with a strong ETag {etag}")
        check(response.getheader("Cache-Control") == "no-cache", "... revalidated on each load")
        response, body = serve.request("GET", "/", headers={"If-None-Match": etag})
        check(response.status == 304 and body == b"", "... and 304 when the client has it")
        for path in ("/package.json", "/package-lock.json", "/tests/explorer_test.mjs", "/node_modules/",
                     "/node_modules/cytoscape/package.json", "/vendor/playwright-core/package.json",
                     "/vendor/playwright-core/index.js", "/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt"):
            response, _ = serve.request("GET", path)
            check(response.status == 404, f"{path} is not served ({response.status})")
        pinned = re.search(rb"vendor/cytoscape@([0-9.]+)/dist/cytoscape\.min\.js", page)
        check(pinned is not None, "the page loads Cytoscape at its versioned address")
        if pinned is None:
            return
        versioned = "/vendor/cytoscape@" + pinned.group(1).decode() + "/dist/cytoscape.min.js"
        times = []
        for _ in range(5):
            start = time.perf_counter()
            response, body = serve.request("GET", versioned, headers={"Accept-Encoding": "gzip, br"})
            times.append((time.perf_counter() - start) * 1000)
        plain = open(os.path.join(WEB, "node_modules/cytoscape/dist/cytoscape.min.js"), "rb").read()
        check(response.getheader("Content-Encoding") == "gzip" and gzip.decompress(body) == plain,
              f"{versioned} comes gzip-compressed ({len(body)} of {len(plain)} bytes)")
        check(response.getheader("Cache-Control") == "public, max-age=31536000, immutable",
              "... cached for a year at its versioned address")
        print(f"     first request {times[0]:.1f} ms (read and compressed), then median "
              f"{statistics.median(times[1:]):.1f} ms")
        check(statistics.median(times[1:]) < 50, "... compressed once, not per request")
        response, body = serve.request("GET", "/vendor/cytoscape/dist/cytoscape.min.js")
        check(response.status == 200 and body == plain and response.getheader("Content-Encoding") is None,
              "the unversioned address, without Accept-Encoding, gives the file as it is")
        check(response.getheader("Cache-Control") == "no-cache", "... revalidated")
        response, _ = serve.request("HEAD", "/")
        check(response.status == 200, "HEAD / answers")


def limits(db):
    slow_query = "MATCH (a), (b), (c), (d), (e), (f) RETURN count(*)"
    with Serve(db, "--query-timeout", "20000", "--max-queries", "1") as serve:
        q = urllib.parse.quote
        response, data = serve.request("GET", "/api/query?query=" + q("RETURN 1") + "&timeout=86400000")
        answer = json.loads(data)
        check(response.status == 400 and "at most 20000" in answer["error"],
              f"a client cannot raise the query timeout ({answer['error']})")
        response, data = serve.request("GET", "/api/query?query=" + q("RETURN 1") + "&timeout=%2B99999999")
        check(response.status == 400, "... not even written +99999999")
        response, _ = serve.request("GET", "/api/query?query=" + q("RETURN 1") + "&timeout=500")
        check(response.status == 200, "... but can lower it")
        response, data = serve.request("GET", "/api/query?query=" + q("UNWIND range(1, 200) AS x RETURN x") +
                                       "&max_rows=100")
        check(response.status == 400 and "100" in json.loads(data)["error"], "?max_rows= lowers the row limit")
        response, data = serve.request("GET", "/api/ego/vn-moh?radius=50")
        check(response.status == 400 and "at most 5" in json.loads(data)["error"], "ego radius is capped")

        # A query whose client goes away stops: the server's CPU time stops growing.
        sock = serve.connect()
        sock.sendall(f"GET /api/query?query={q(slow_query)} HTTP/1.1\r\nHost: 127.0.0.1:{serve.port}\r\n\r\n"
                     .encode())
        time.sleep(0.5)
        busy = serve.request("GET", "/api/query?query=" + q("RETURN 1"))
        check(busy[0].status == 503 and busy[0].getheader("Retry-After") == "1",
              "past --max-queries, a query is told to retry (503)")
        elapsed = serve.timed_stats()
        check(elapsed < 100, f"... while /api/stats still answers ({elapsed:.1f} ms)")
        before = serve.cpu_seconds()
        time.sleep(0.5)
        running = serve.cpu_seconds() - before
        sock.close()
        time.sleep(0.5)
        before = serve.cpu_seconds()
        time.sleep(1.0)
        after_close = serve.cpu_seconds() - before
        print(f"     CPU: {running:.2f} s in 0.5 s while the query ran; {after_close:.2f} s in the second "
              f"after its client left")
        check(running > 0.05, "the slow query was running")
        check(after_close < 0.1, "a query whose client disconnected is cancelled")
        response, _ = serve.request("GET", "/api/query?query=" + q("RETURN 1"))
        check(response.status == 200, "... and its place is free again")


def writes(db):
    with Serve(db) as serve:
        for body, kind in ((b"a=" + b"x" * 9000, "application/x-www-form-urlencoded"),
                           (b"", "multipart/form-data; boundary=x"), (b"", None)):
            headers = {"Content-Type": kind} if kind else {}
            response, data = serve.request("POST", "/api/import", body=body, headers=headers)
            answer = json.loads(data)
            check(response.status == 403 and "read-only" in answer["error"],
                  f"read-only: POST /api/import of {len(body)} bytes ({kind}) answers 403 read-only")
        response, data = serve.request("POST", "/api/entity", body=b"{}")
        check(response.status == 403, "read-only: POST /api/entity answers 403")
        response, data = serve.request("POST", "/api/nosuch", body=b"x" * 20000)
        check(response.status == 404 and "no such endpoint" in json.loads(data)["error"],
              "POST to no endpoint: 404")
    with Serve(db, "--allow-write") as serve:
        auth = {"Authorization": "Bearer " + serve.token, "Content-Type": "application/json"}
        body = (b'{"id": "dup-key", "kind": "ngo", "names": {"en": "First"}, "names": {"en": "Second"}, "country": "VN",'
                b' "sources": [{"title": "s"}]}')
        response, data = serve.request("POST", "/api/entity", body=body, headers=auth)
        answer = json.loads(data)
        check(response.status == 422 and "appears twice" in answer["error"],
              f"POST /api/entity refuses a key given twice ({answer['error']})")
        response, _ = serve.request("GET", "/api/show/dup-key")
        check(response.status == 400, "... and writes nothing")
        body = (b'{"id": "one-key",\n "kind": "ngo",\r\n "names": {"en": "One"}, "country": "VN",\n'
                b' "sources": [{"title": "s"}]}')
        response, data = serve.request("POST", "/api/entity", body=body, headers=auth)
        check(response.status == 200, f"a record over several lines is written ({data[:80]!r})")


def installation(folder):
    """A copy of the binary finds its page next to it, or through $KIZUNA_WEB, or refuses to start."""
    root = os.path.join(folder, "install")
    os.makedirs(os.path.join(root, "bin"))
    binary = os.path.join(root, "bin", "kizuna")
    shutil.copy(KIZUNA, binary)
    db = make_database(folder)
    env = {k: v for k, v in os.environ.items() if k not in ("KIZUNA_WEB", "KIZUNA_DATA")}
    result = subprocess.run([binary, "--db", db, "serve", "--port", "0"], capture_output=True, text=True,
                            env=env, timeout=20)
    check(result.returncode == 4 and "share/kizuna/web" in result.stderr and "$KIZUNA_WEB (not set)"
          in result.stderr and "http://" not in result.stdout,
          "a copy with no page near it refuses to start (exit 4) naming where it looked")
    print("     " + result.stderr.strip().replace("\n", "\n     "))
    result = subprocess.run([binary, "demo", "--dir", os.path.join(folder, "demo")], capture_output=True,
                            text=True, env=env, timeout=20)
    check(result.returncode == 4 and "share/kizuna/data" in result.stderr and "$KIZUNA_DATA" in result.stderr,
          "demo without its data refuses (exit 4) naming where it looked")
    with Serve(db, env=dict(env, KIZUNA_WEB=WEB), binary=binary) as serve:
        response, page = serve.request("GET", "/")
        check(response.status == 200 and b"<html" in page.lower(), "with $KIZUNA_WEB it serves the page")
    shutil.copytree(WEB, os.path.join(root, "share", "kizuna", "web"),
                    ignore=shutil.ignore_patterns("playwright-core", "tests"))
    with Serve(db, env=env, binary=binary) as serve:
        response, page = serve.request("GET", "/")
        check(response.status == 200 and b"<html" in page.lower(), "with ../share/kizuna/web it serves the page")
        response, _ = serve.request("GET", "/vendor/cytoscape/dist/cytoscape.min.js")
        check(response.status == 200, "... and its packages")


def main():
    with tempfile.TemporaryDirectory(prefix="kizuna-serve-") as folder:
        db = make_database(folder)
        for part in (idle_and_slow_connections, hosts, static_files, limits, writes):
            print(f"-- {part.__name__}", flush=True)
            part(db)
        print("-- installation", flush=True)
        installation(folder)
    if failures:
        print(f"{len(failures)} failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
