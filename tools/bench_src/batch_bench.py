#!/usr/bin/env python3
"""tools/bench batch N: N distinct valid letters made from the fixtures (names, streets,
postal codes and so courts, outcomes, amounts vary), sent as one batch to a server this
script starts, then the same letters sent one by one to a fresh server, in the same run.
Reports wall time, letters per second, the server's peak RSS, Chromium's peak memory, and
the latency of one letter sent alone while the batch runs (the fairness rule, docs/batch.md).
Figures only: a loaded machine makes them indicative, never pass/fail."""
import hashlib, io, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.request, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "bench-token"
FAMILIES = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Dubois", "Lambert",
            "Dupont", "Martin", "Claes", "Goossens", "Wouters", "Simon", "Laurent", "Leclercq"]
GIVEN = ["Marie", "Luc", "Sofie", "Jean", "Els", "Pierre", "An", "Thomas", "Nathalie", "Koen"]


def letters(count, prefix):
    folder = os.path.join(ROOT, "fixtures", "letter")
    fixtures = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".xml"))
    made = []
    for index in range(count):
        xml = open(fixtures[index % len(fixtures)], encoding="utf-8").read()
        number = "%05d" % (index + 1)
        ident = prefix + "-" + number
        xml = re.sub(r' id="[^"]*"', ' id="%s"' % ident, xml, count=1)
        xml = re.sub(r"<reference>[^<]*</reference>", "<reference>RP/2026/9%04d</reference>" % (index + 1), xml, count=1)
        xml = re.sub(r"<postal-code>[^<]*</postal-code>",
                     "<postal-code>%d</postal-code>" % (1000 + (index * 7919 + 4111) % 9000), xml, count=1)
        xml = re.sub(r"<family>[^<]*</family>", "<family>%s</family>" % FAMILIES[index % 16], xml, count=1)
        xml = re.sub(r"<given>[^<]*</given>", "<given>%s</given>" % GIVEN[(index // 3) % 10], xml, count=1)
        xml = re.sub(r"<street>([^<]*?)[0-9 ]*</street>", lambda m: "<street>%s %d</street>" % (m.group(1), 1 + index % 180), xml, count=1)
        delta = index % 97
        xml = re.sub(r"<(amount|amount-requested)>([0-9]+)\.([0-9]{2})</",
                     lambda m: "<%s>%d.%s</" % (m.group(1), int(m.group(2)) + delta, m.group(3)), xml)
        made.append((ident, xml))
    return made


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, method, path, body=None, content_type=None):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), data=body, method=method)
    request.add_header("Authorization", "Bearer " + TOKEN)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def tree(pid):
    """pid and every descendant's pid."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open("/proc/%s/stat" % entry).read()
        except OSError:
            continue
        parent = int(stat[stat.rfind(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def pss_kib(pid):
    """Proportional set size: shared pages (Chromium's processes share many) counted once."""
    try:
        for line in open("/proc/%d/smaps_rollup" % pid):
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kib(pid, field="VmRSS"):
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Server:
    def __init__(self, binary, folder, workers):
        self.folder = folder
        self.port = free_port()
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "server.properties"), "w") as config:
            config.write("server.bind_address = 127.0.0.1\nserver.port = %d\nstore.data_dir = %s\n" %
                         (self.port, os.path.join(folder, "data")))
            config.write("queue.workers = %d\nprint.pool_size = %d\nqueue.capacity = 100000\n" % (workers, workers))
            config.write("auth.token.bench = %s:submitter\n" % hashlib.sha256(TOKEN.encode()).hexdigest())
        self.log = open(os.path.join(folder, "server.log"), "w")
        self.process = subprocess.Popen([binary, "serve", "--config", os.path.join(folder, "server.properties")],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.peak_chromium = 0
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if call(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("the server did not start: see " + os.path.join(folder, "server.log"))

    def sample(self):
        chromium = sum(pss_kib(pid) for pid in tree(self.process.pid) if pid != self.process.pid)
        self.peak_chromium = max(self.peak_chromium, chromium)

    def peak_server(self):
        return rss_kib(self.process.pid, "VmHWM")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=120)
        self.log.close()


def run_batch(binary, folder, made, workers):
    server = Server(binary, folder, workers)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (_, xml) in enumerate(made):
            archive.writestr("%05d.xml" % (index + 1), xml)
    start = time.time()
    status, body = call(server.port, "POST", "/api/v1/batches", buffer.getvalue(), "application/zip")
    if status != 202:
        raise SystemExit("batch refused: %d %s" % (status, body[:500]))
    batch = json.loads(body)["batch"]
    alone_latency = None
    alone_job = None
    alone_sent = 0.0
    letters_done = None
    while True:
        server.sample()
        state = json.loads(call(server.port, "GET", "/api/v1/batches/" + batch)[1])
        if alone_job is None and state["done"] >= max(1, len(made) // 5):
            # One letter alone, by the same submitter, while the batch runs.
            ident, xml = letters(1, "ALONE")[0]
            alone_sent = time.time()
            alone_job = json.loads(call(server.port, "POST", "/api/v1/documents", xml.encode(), "application/xml")[1])["job"]
        if alone_job is not None and alone_latency is None:
            job = json.loads(call(server.port, "GET", "/api/v1/jobs/%d" % alone_job)[1])
            if job["state"] in ("done", "failed"):
                alone_latency = time.time() - alone_sent
        if state["state"] == "finished" and letters_done is None:
            letters_done = time.time() - start
        if state["state"] == "finished" and state["mail_room"] != "pending" and alone_latency is not None:
            break
        time.sleep(0.25)
    wall = time.time() - start
    result = {"letters": len(made), "done": state["done"], "failed": state["failed"], "letters_s": letters_done,
              "wall_s": wall, "per_s": len(made) / letters_done, "alone_latency_s": alone_latency,
              "server_peak_mib": server.peak_server() / 1024, "chromium_peak_mib": server.peak_chromium / 1024,
              "mail_room": state["mail_room"]}
    server.stop()
    return result


def run_one_by_one(binary, folder, made, workers):
    server = Server(binary, folder, workers)
    start = time.time()
    jobs = []
    for _, xml in made:
        status, body = call(server.port, "POST", "/api/v1/documents", xml.encode(), "application/xml")
        if status not in (200, 202):
            raise SystemExit("document refused: %d %s" % (status, body[:500]))
        jobs.append(json.loads(body)["job"])
    pending = set(jobs)
    while pending:
        server.sample()
        for job in list(pending):
            state = json.loads(call(server.port, "GET", "/api/v1/jobs/%d" % job)[1])["state"]
            if state in ("done", "failed"):
                pending.discard(job)
        time.sleep(0.25)
    wall = time.time() - start
    result = {"letters": len(made), "wall_s": wall, "per_s": len(made) / wall,
              "server_peak_mib": server.peak_server() / 1024, "chromium_peak_mib": server.peak_chromium / 1024}
    server.stop()
    return result


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    binary = os.environ.get("PARAPH_BINARY", os.path.join(ROOT, "build", "paraph"))
    workers = int(os.environ.get("PARAPH_BENCH_WORKERS", "0")) or os.cpu_count() or 2
    made = letters(count, "BENCH")
    folder = tempfile.mkdtemp(prefix="paraph-bench-batch-")
    try:
        batch = run_batch(binary, os.path.join(folder, "batch"), made, workers)
        single = run_one_by_one(binary, os.path.join(folder, "single"), made, workers)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("paraph bench batch: %d letters (fr, nl and fr-nl PDFs each), %d workers; indicative figures" % (count, workers))
    print("  as one batch:   %6.1f s for the letters (%5.2f letters/s), %6.1f s with the mail-room files; "
          "server peak RSS %5.0f MiB, Chromium peak PSS %5.0f MiB" %
          (batch["letters_s"], batch["per_s"], batch["wall_s"], batch["server_peak_mib"], batch["chromium_peak_mib"]))
    print("  one by one:     %6.1f s (%5.2f letters/s); server peak RSS %5.0f MiB, Chromium peak PSS %5.0f MiB" %
          (single["wall_s"], single["per_s"], single["server_peak_mib"], single["chromium_peak_mib"]))
    print("  a letter sent alone while the batch ran: done %.1f s after it was sent" % batch["alone_latency_s"])
    print("  batch: %d done, %d failed, mail room %s" % (batch["done"], batch["failed"], batch["mail_room"]))


if __name__ == "__main__":
    main()
