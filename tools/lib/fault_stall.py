#!/usr/bin/env python3
"""The stall scenario of tools/fault: clients that try to hold paraph's HTTP threads without
a token, against a running server; prints what it checked and exits 1 when one check fails.

  fault_stall.py PORT TOKEN   (TOKEN: a submitter's, so that a body is read at all)

Opens 16 connections that send nothing, 8 that send a request head one byte a second and
200 kept-alive connections after one request each, all at once; then times /healthz, and
checks that a body trickled at one byte a second and a head trickled the same way are each
cut off with 408 (server.min_body_bytes_per_s, server.header_timeout_ms).
"""
import socket
import sys
import threading
import time

port = int(sys.argv[1])
token = sys.argv[2].encode()
limit_s = 1.0
failures = []


def connect():
    return socket.create_connection(("127.0.0.1", port), timeout=30)


def healthz_seconds():
    start = time.monotonic()
    with connect() as probe:
        probe.sendall(b"GET /healthz HTTP/1.1\r\nHost: fault\r\nConnection: close\r\n\r\n")
        answer = probe.recv(64)
    return time.monotonic() - start, answer[:12] == b"HTTP/1.1 200"


def trickle(head, drip, patience_s=60.0):
    """Sends head, then drip one byte a second; returns (status, seconds until answered or closed)."""
    start = time.monotonic()
    with connect() as client:
        client.settimeout(1.0)
        client.sendall(head)
        received = b""
        for byte in drip + b"\0" * int(patience_s):
            try:
                chunk = client.recv(4096)
                if not chunk:
                    break
                received += chunk
                continue
            except socket.timeout:
                pass
            except OSError:
                break
            try:
                client.sendall(bytes([byte]))
            except OSError:
                break
            if time.monotonic() - start > patience_s:
                break
    status = int(received[9:12]) if received.startswith(b"HTTP/1.1 ") else 0
    return status, time.monotonic() - start


silent = [connect() for _ in range(16)]
slow = [connect() for _ in range(8)]
stop = threading.Event()


def slowloris():
    head = b"GET /healthz HTTP/1.1\r\nHost: fault\r\nX-Slow: " + b"a" * 100
    for byte in head:
        if stop.is_set():
            return
        for client in slow:
            try:
                client.send(bytes([byte]))
            except OSError:
                pass
        stop.wait(1.0)


dripping = threading.Thread(target=slowloris)
dripping.start()
idle = []
for _ in range(200):
    client = connect()
    client.sendall(b"GET /healthz HTTP/1.1\r\nHost: fault\r\n\r\n")
    idle.append(client)
time.sleep(1.5)
answered_idle = 0
busy_idle = 0  # 503: more heads at once than server.http_queue
for client in idle:
    client.settimeout(2.0)
    try:
        status = client.recv(64)[:12]
        answered_idle += status == b"HTTP/1.1 200"
        busy_idle += status == b"HTTP/1.1 503"
    except OSError:
        pass
times = []
for _ in range(5):
    seconds, ok = healthz_seconds()
    times.append(seconds)
    if not ok:
        failures.append("healthz did not answer 200")
worst = max(times)
if worst >= limit_s:
    failures.append(f"healthz took {worst:.3f} s")
stop.set()
dripping.join()

body_status, body_seconds = trickle(
    b"POST /api/v1/documents HTTP/1.1\r\nHost: fault\r\nContent-Type: application/xml\r\n"
    b"Authorization: Bearer " + token + b"\r\nContent-Length: 100000\r\n\r\n<", b"a" * 100)
head_status, head_seconds = trickle(b"G", b"ET /healthz HTTP/1.1\r\nHost: fault\r\nX-Slow: " + b"a" * 200)
if body_status != 408 or body_seconds > 30:
    failures.append(f"a trickled body got {body_status} after {body_seconds:.1f} s")
if head_status != 408 or head_seconds > 30:
    failures.append(f"a trickled head got {head_status} after {head_seconds:.1f} s")

for client in silent + slow + idle:
    client.close()

print(f"silent:      16 connections that send nothing")
print(f"slowloris:   8 clients sending one header byte a second")
print(f"idle:        200 keep-alive connections after one request ({answered_idle} answered 200, {busy_idle} 503 busy)")
print(f"healthz:     worst {worst * 1000:.0f} ms of {len(times)} (limit {limit_s * 1000:.0f} ms)")
print(f"slow body:   {body_status} after {body_seconds:.1f} s (server.min_body_bytes_per_s)")
print(f"slow head:   {head_status} after {head_seconds:.1f} s (server.header_timeout_ms)")
print("result:      " + ("ok" if not failures else "FAILED: " + "; ".join(failures)))
sys.exit(1 if failures else 0)
