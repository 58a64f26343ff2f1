#!/usr/bin/env python3
"""How long `errdoc serve` takes from saving a file to telling the browser.

    python3 bench/serve.py ERRDOC PROJECT FILE MESSAGE [RUNS]

Starts `ERRDOC serve` on PROJECT (on a free port), listens to its reload
events as the browser's script does, and RUNS times replaces the value of
MESSAGE (`code-3000001`) in the .ftl FILE (written whole and renamed into
place, as editors save) and times the save to the `reload` event after
which the English code page shows the new title: a reload that still
serves the old page, or a failed rebuild, is waited past, not counted.
Prints each time and the median in milliseconds, and the server's own
`rebuilt: … in …s` lines. FILE is put back as it was at the end.
"""

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

EVENTS = "/__errdoc/events"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(server, port, deadline):
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("serve stopped before it answered")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("serve did not answer in time")


def main():
    errdoc, project, ftl, message = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 7
    code = message.removeprefix("code-")
    with open(ftl, "rb") as f:
        original = f.read()
    port = free_port()
    server = subprocess.Popen(
        [errdoc, "--root", project, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    said = []
    threading.Thread(
        target=lambda: said.extend(server.stdout), daemon=True
    ).start()
    try:
        wait_up(server, port, time.monotonic() + 600)
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        events.request("GET", EVENTS)
        stream = events.getresponse()
        first = stream.readline().decode()
        if not first.startswith("event: ok"):
            sys.exit(f"the event stream began with {first!r}")
        times = []
        for i in range(runs):
            title = f"Edited In Serve {i} {time.time_ns()}"
            text, n = re.subn(
                rf"^{re.escape(message)} = .*$",
                f"{message} = {title}",
                original.decode("utf-8"),
                count=1,
                flags=re.M,
            )
            if n != 1:
                sys.exit(f"{ftl} has no {message}")
            staged = f"{ftl}.bench-tmp"
            with open(staged, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            started = time.monotonic()
            os.replace(staged, ftl)
            deadline = started + 300
            while True:
                if time.monotonic() > deadline:
                    sys.exit(f"run {i}: no reload with the new page in 300 s")
                line = stream.readline().decode()
                if not line:
                    sys.exit("the event stream ended")
                if not line.startswith("event: reload"):
                    continue
                took = (time.monotonic() - started) * 1000
                page = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                page.request("GET", f"/en/codes/{code}.html")
                if title in page.getresponse().read().decode():
                    times.append(took)
                    break
            # Let any second rebuild of the same save end before the next.
            time.sleep(1)
        print("save to reload, ms:", " ".join(f"{t:.0f}" for t in times))
        print(f"median {statistics.median(times):.0f} ms")
        time.sleep(0.2)
        print("".join(line for line in said if "rebuilt" in line), end="")
    finally:
        server.terminate()
        server.wait()
        with open(ftl, "wb") as f:
            f.write(original)


if __name__ == "__main__":
    main()
