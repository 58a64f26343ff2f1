#!/usr/bin/env python3
"""How long `errdoc serve` takes from saving a file to telling the browser.

    python3 bench/serve.py ERRDOC PROJECT FILE MESSAGE [RUNS]

Starts `ERRDOC serve` on PROJECT (on a free port), listens to its reload
events as the browser's script does, and RUNS times replaces the value of
MESSAGE (`code-3000001`) in the .ftl FILE and times the save to the
`reload` event. Each time it then fetches the English code page and checks
that it shows the new title, so a fast answer with the old page counts
for nothing. Prints each time and the median in milliseconds, and the
server's own `rebuilt: … in …s` lines.
"""

import http.client
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


def wait_up(port, deadline):
    while time.monotonic() < deadline:
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
        wait_up(port, time.monotonic() + 600)
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        events.request("GET", EVENTS)
        stream = events.getresponse()
        stream.readline()  # `event: ok` of the build being served
        times = []
        for i in range(runs):
            title = f"Edited In Serve {i} {time.time_ns()}"
            with open(ftl, encoding="utf-8") as f:
                text = f.read()
            text, n = re.subn(
                rf"^{re.escape(message)} = .*$",
                f"{message} = {title}",
                text,
                count=1,
                flags=re.M,
            )
            if n != 1:
                sys.exit(f"{ftl} has no {message}")
            started = time.monotonic()
            with open(ftl, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                line = stream.readline().decode()
                if not line:
                    sys.exit("the event stream ended")
                if line.startswith("event: build-error"):
                    sys.exit("the rebuild failed")
                if line.startswith("event: reload"):
                    break
            times.append((time.monotonic() - started) * 1000)
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            page.request("GET", f"/en/codes/{code}.html")
            body = page.getresponse().read().decode()
            if title not in body:
                sys.exit(f"run {i}: the page served after the reload is the old one")
            time.sleep(0.5)
        print("save to reload, ms:", " ".join(f"{t:.0f}" for t in times))
        print(f"median {statistics.median(times):.0f} ms")
        time.sleep(0.2)
        print("".join(line for line in said if "rebuilt" in line), end="")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
