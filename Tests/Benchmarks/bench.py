#!/usr/bin/env python3
"""Bindery benchmarks: one-shot conversion of ../shared/corpus against pandoc and calibre, side by side.

usage: bench.py [--runs N] [--calibre-runs N] [--skip-calibre] [--daemon] [--pdf] [--only-pdf] [--bindery PATH] [--no-proof]
                [--no-early-start] [--only-daemon-latency]
  Run by `make bench` (which builds in release and installs pandoc and calibre first).
  --bindery (or $BINDERY_BIN) picks the binary, e.g. one built with `--scratch-path .build-perf`.
  Prints median wall time and peak RSS per tool, ratios, per-stage times for the largest book, and
  (with --daemon) the daemon's change-to-published latency, throughput, memory and restart time, (with --pdf)
  the ten PDFs of ../shared/books read by Bindery and by calibre's PDF input, timed and scored, then
  the figures as JSON and, last, a summary of the targets. BENCHMARKS.md is written from them by hand.
"""
import argparse, glob, json, os, platform, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
BOOKS = os.path.join(os.path.dirname(ROOT), "shared", "books")
BINDERY = os.environ.get("BINDERY_BIN") or os.path.join(ROOT, ".build", "release", "bindery")
TOOLS = os.path.join(ROOT, ".tools")


def run_measured(argv, cwd=None, env=None):
    """Runs argv; returns (seconds, peak RSS in MiB of that child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("benchmark command failed: %s\n%s" % (" ".join(argv), err[-2000:]))
    return elapsed, usage.ru_maxrss / 1024.0


def series(label, make_argv_list, runs, warmup=True):
    """Runs a list of commands (one job = all of them) `runs` times after a warm-up; median time, max RSS."""
    times, peak = [], 0.0
    for i in range(runs + (1 if warmup else 0)):
        out = tempfile.mkdtemp(prefix="bench-")
        total = 0.0
        for argv in make_argv_list(out):
            seconds, rss = run_measured(argv)
            total += seconds
            peak = max(peak, rss)
        shutil.rmtree(out, ignore_errors=True)
        if warmup and i == 0:
            continue
        times.append(total)
    return {"label": label, "median_s": statistics.median(times), "runs": len(times), "peak_rss_mib": peak}


def pandoc_path():
    found = glob.glob(os.path.join(TOOLS, "venv", "lib", "python3*", "site-packages", "pypandoc", "files", "pandoc"))
    return found[0] if found else shutil.which("pandoc")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calibre-runs", type=int, default=1)
    parser.add_argument("--skip-calibre", action="store_true")
    parser.add_argument("--daemon", action="store_true")
    parser.add_argument("--pdf", action="store_true", help="also the PDFs of ../shared/books, against calibre's PDF input")
    parser.add_argument("--only-pdf", action="store_true", help="only the PDFs of ../shared/books")
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--synthetic", type=int, default=5000)
    parser.add_argument("--bindery", help="the bindery binary (default: $BINDERY_BIN, else .build/release/bindery)")
    parser.add_argument("--only-daemon-latency", action="store_true", help="measure only the daemon's save → published latency")
    parser.add_argument("--no-proof", action="store_true", help="the daemon publishes the three outputs only (configuration `proof: false`)")
    parser.add_argument("--no-early-start", action="store_true", help="the daemon converts only after the settle delay (`watch.early_start: false`)")
    args = parser.parse_args()
    global BINDERY
    if args.bindery:
        BINDERY = os.path.abspath(args.bindery)
    if args.no_proof:
        DAEMON_CONFIG[0] += "proof: false\n"
    if args.no_early_start:
        DAEMON_CONFIG[0] += "watch:\n  early_start: false\n"
    SYNTHETIC[0] = args.synthetic

    docs = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    if not docs:
        sys.exit("no corpus at %s" % CORPUS)
    if args.only_pdf:
        pdf_benchmarks(args.runs, None if args.skip_calibre else shutil.which("ebook-convert"))
        return
    if args.only_daemon_latency:
        daemon_benchmarks(docs, max(docs, key=os.path.getsize), args.edits, synthetic=False)
        return
    size = sum(os.path.getsize(d) for d in docs)
    rows = []
    rows.append(series("bindery: epub+tei+text", lambda out: [[BINDERY, "convert", "-q", *docs, "--out", out]], args.runs))
    rows.append(series("bindery: epub only", lambda out: [[BINDERY, "convert", "-q", *docs, "--out", out, "--to", "epub"]], args.runs))
    pandoc = pandoc_path()
    if pandoc:
        rows.append(series("pandoc: epub3", lambda out: [[pandoc, "-f", "markdown", "-t", "epub3", "-o", os.path.join(out, os.path.basename(d) + ".epub"), d] for d in docs], max(1, args.runs // 2)))
        rows.append(series("pandoc: tei", lambda out: [[pandoc, "-f", "markdown", "-t", "tei", "-s", "-o", os.path.join(out, os.path.basename(d) + ".xml"), d] for d in docs], max(1, args.runs // 2)))
    calibre = shutil.which("ebook-convert")
    if calibre and not args.skip_calibre:
        rows.append(series("calibre: epub (heuristics)", lambda out: [[calibre, d, os.path.join(out, os.path.basename(d) + ".epub"), "--enable-heuristics"] for d in docs], args.calibre_runs, warmup=False))

    base = rows[0]["median_s"]
    print("\nWhole corpus: %d documents, %.2f MB" % (len(docs), size / 1e6))
    print("%-30s %10s %8s %12s %10s" % ("tool", "median s", "runs", "peak RSS MiB", "× Bindery"))
    for r in rows:
        r["ratio"] = r["median_s"] / base if base else 0
        print("%-30s %10.3f %8d %12.1f %10.1f" % (r["label"], r["median_s"], r["runs"], r["peak_rss_mib"], r["ratio"]))
    print("input throughput (all three outputs): %.1f MB/s" % (size / 1e6 / base))

    largest = max(docs, key=os.path.getsize)
    proc = subprocess.run([BINDERY, "convert", "--timings", "-q", largest, "--out", tempfile.mkdtemp(prefix="bench-")], capture_output=True, text=True)
    stages = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    print("\nstages of the largest book: %s" % stages)

    daemon = daemon_benchmarks(docs, largest, args.edits) if args.daemon else None
    pdf = pdf_benchmarks(args.runs, None if args.skip_calibre else calibre) if args.pdf else None

    report = {"machine": "%s, %d cores, %s" % (platform.platform(), os.cpu_count(), platform.python_version()), "rows": rows, "stages": stages,
              "corpus_bytes": size, "daemon": daemon, "pdf": pdf}
    print("\n" + json.dumps(report, indent=1))
    print_summary(rows, daemon)


def pdf_benchmarks(runs, calibre):
    """The PDFs of ../shared/books (named `bNN-pdf.pdf`, so score-books pairs them with their truth) converted to EPUB by
    Bindery and by calibre's `ebook-convert x.pdf x.epub`: time, peak RSS and score-books' means, side by side."""
    pdfs = sorted(glob.glob(os.path.join(BOOKS, "b[0-9][0-9].pdf")))
    if not pdfs:
        sys.exit("no PDFs at %s" % BOOKS)
    staged = tempfile.mkdtemp(prefix="bench-pdf-")
    inputs = []
    for path in pdfs:
        target = os.path.join(staged, os.path.basename(path)[:-4] + "-pdf.pdf")
        shutil.copyfile(path, target)
        inputs.append(target)
    pages = 0
    for path in pdfs:
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True) if shutil.which("pdfinfo") else None
        pages += next((int(l.split()[-1]) for l in (info.stdout.splitlines() if info else []) if l.startswith("Pages:")), 0)
    scorer = os.path.join(os.path.dirname(ROOT), "shared", "tools", "score-books")

    def scored(out):
        proc = subprocess.run([sys.executable, scorer, out], capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            row = json.loads(line)
            if row.get("mean") == "pdf":
                return row
        return {}

    tools = [("bindery: epub", lambda out: [[BINDERY, "convert", "-q", *inputs, "--out", out, "--to", "epub"]], runs)]
    if calibre:
        tools.append(("calibre: epub (PDF input)", lambda out: [[calibre, p, os.path.join(out, os.path.basename(p)[:-4] + ".epub")] for p in inputs], 1))
    rows = []
    for label, argv, count in tools:
        row = series(label, argv, count, warmup=count > 1)
        out = tempfile.mkdtemp(prefix="bench-pdf-out-")
        for command in argv(out):
            run_measured(command)
        row["score"] = scored(out)
        shutil.rmtree(out, ignore_errors=True)
        rows.append(row)
    largest = max(inputs, key=os.path.getsize)
    proc = subprocess.run([BINDERY, "convert", "--timings", "-q", largest, "--out", tempfile.mkdtemp(prefix="bench-")], capture_output=True, text=True)
    stages = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    shutil.rmtree(staged, ignore_errors=True)
    keys = ["headings_recall", "headings_precision", "level_agree", "paras_exact", "quotes", "notes_linked", "verse_lines", "leaks"]
    print("\nPDF input: %d PDFs of ../shared/books%s" % (len(inputs), ", %d pages" % pages if pages else ""))
    print("%-28s %9s %8s %6s %6s %6s %6s %6s %6s %6s %6s" % ("tool", "median s", "RSS MiB", "recall", "prec", "level", "paras", "quotes", "notes", "verse", "leaks"))
    for r in rows:
        sc = r["score"]
        print("%-28s %9.2f %8.1f " % (r["label"], r["median_s"], r["peak_rss_mib"]) + " ".join("%6s" % sc.get(k) for k in keys))
    if len(rows) == 2 and rows[0]["median_s"]:
        print("calibre takes %.1f× Bindery's time" % (rows[1]["median_s"] / rows[0]["median_s"]))
    print("stages of the largest PDF (%s): %s" % (os.path.basename(largest), stages))
    return {"rows": rows, "largest_stages": stages}


def print_summary(rows, daemon):
    """The issue's targets against this run's figures, last, so that the end of the output answers them."""
    by_label = {r["label"]: r for r in rows}
    lines = []

    def target(measure, figure, goal, met):
        lines.append((measure, figure, goal, "met" if met else ("NOT MET" if met is not None else "-")))

    for label, name, goal in (("pandoc: epub3", "pandoc making EPUB alone", 20), ("calibre: epub (heuristics)", "calibre --enable-heuristics", 100)):
        if label in by_label:
            ratio = by_label[label]["ratio"]
            target("all three outputs vs %s" % name, "%.1f× faster" % ratio, "≥ %d×" % goal, ratio >= goal)
    if daemon and "latency" in daemon:
        latency = daemon["latency"]
        target("save → published, above the settle delay", "p50 %.0f ms, p95 %.0f ms" % (latency["p50_above_settle_ms"], latency["p95_above_settle_ms"]),
               "< 100 ms", latency["p95_above_settle_ms"] < 100)
    synthetic = sorted((v for k, v in (daemon or {}).items() if k.startswith("synthetic_")), key=lambda v: v["documents"])
    if len(synthetic) >= 2:
        small, large = synthetic[0], synthetic[-1]
        growth = large["peak_rss_mib"] / small["peak_rss_mib"]
        target("peak RSS, %d → %d documents" % (small["documents"], large["documents"]),
               "%.0f → %.0f MiB (×%.2f for ×%d documents)" % (small["peak_rss_mib"], large["peak_rss_mib"], growth, large["documents"] // small["documents"]),
               "independent of size", growth < 1.5)
    for entry in synthetic:
        target("restart over %d unchanged documents" % entry["documents"], "%.2f s" % entry["restart_s"], "(measured)", None)
    if not lines:
        return
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    print("\nSummary")
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())


class Daemon:
    """`bindery serve` on a corpus, its log followed for `job.published` and `startup.caught-up`."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.log_path = os.path.join(workdir, "serve.log")
        self.log = open(self.log_path, "ab")
        self.log.flush()
        config = []
        if DAEMON_CONFIG[0]:
            with open(os.path.join(workdir, "bindery.yaml"), "w") as f:
                f.write(DAEMON_CONFIG[0])
            config = ["--config", os.path.join(workdir, "bindery.yaml")]
        self.proc = subprocess.Popen([BINDERY, "serve", *config, "--corpus", os.path.join(workdir, "corpus"), "--out", os.path.join(workdir, "out"),
                                      "--state", os.path.join(workdir, "state")], stdout=self.log, stderr=self.log)
        # Only what this run logs counts (a restart appends to the same log).
        self.offset = os.path.getsize(self.log_path)

    def lines(self):
        with open(self.log_path, "rb") as f:
            f.seek(self.offset)
            data = f.read()
        cut = data.rfind(b"\n") + 1
        self.offset += cut
        return data[:cut].decode(errors="replace").splitlines()

    def wait_for(self, needle, timeout=600):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for line in self.lines():
                if needle in line:
                    return line
            if self.proc.poll() is not None:
                sys.exit("the daemon exited: see %s" % self.log_path)
            time.sleep(0.002)
        sys.exit("timed out waiting for %r in %s" % (needle, self.log_path))

    def peak_rss_mib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
        return 0.0

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)
        self.log.close()


def daemon_benchmarks(docs, largest, edits, synthetic=True):
    results = {}
    work = tempfile.mkdtemp(prefix="bench-daemon-")
    os.makedirs(os.path.join(work, "corpus"))
    name = os.path.basename(largest)
    target = os.path.join(work, "corpus", name)
    shutil.copy(largest, target)
    daemon = Daemon(work)
    daemon.wait_for("startup.caught-up")
    original = open(largest, "rb").read()
    latencies = []
    for i in range(edits):
        with open(target, "wb") as f:
            f.write(original + (b"\nEdit %d.\n" % i))
        written = time.perf_counter()
        daemon.wait_for("job.published")
        latencies.append(time.perf_counter() - written)
    daemon.stop()
    with open(daemon.log_path, errors="replace") as f:
        early = sum(1 for line in f if " job.published " in line and "convertedEarly=true" in line)
    settle = 0.300
    latencies.sort()
    p50, p95 = latencies[len(latencies) // 2], latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    results["latency"] = {"edits": edits, "settle_s": settle, "p50_s": p50, "p95_s": p95, "p50_above_settle_ms": (p50 - settle) * 1000,
                          "p95_above_settle_ms": (p95 - settle) * 1000, "converted_early": early}
    print("\ndaemon: save → published for %s (%d edits): p50 %.0f ms, p95 %.0f ms (settle delay %.0f ms: %.0f / %.0f ms above it); "
          "%d of the edits converted during the settle delay"
          % (name, edits, p50 * 1000, p95 * 1000, settle * 1000, (p50 - settle) * 1000, (p95 - settle) * 1000, early))

    for count in (args_synthetic(500), args_synthetic(None)) if synthetic else ():
        work = tempfile.mkdtemp(prefix="bench-synthetic-")
        make_synthetic(os.path.join(work, "corpus"), docs, count)
        started = time.perf_counter()
        daemon = Daemon(work)
        daemon.wait_for("startup.caught-up", timeout=3600)
        elapsed = time.perf_counter() - started
        rss = daemon.peak_rss_mib()
        daemon.stop()
        restart = time.perf_counter()
        daemon = Daemon(work)
        caught_up = daemon.wait_for("startup.caught-up", timeout=600)
        restart_s = time.perf_counter() - restart
        daemon.stop()
        # Sources written less than 2 s before their job are not stamped, so the restart reads and hashes those.
        by_stamp = int(caught_up.split("unchangedByStamp=")[1].split()[0]) if "unchangedByStamp=" in caught_up else 0
        results["synthetic_%d" % count] = {"documents": count, "seconds": elapsed, "docs_per_s": count / elapsed, "peak_rss_mib": rss,
                                           "restart_s": restart_s, "restart_unchanged_by_stamp": by_stamp}
        print("daemon: %d synthetic documents converted in %.1f s (%.0f docs/s), peak RSS %.0f MiB; restart over the unchanged corpus %.2f s "
              "(%d found unchanged by their stamps, the rest read and hashed)" % (count, elapsed, count / elapsed, rss, restart_s, by_stamp))
        shutil.rmtree(work, ignore_errors=True)
    return results


SYNTHETIC = [5000]
# The daemon's configuration file text, when one is given (`--no-proof`, `--no-early-start`).
DAEMON_CONFIG = [""]


def args_synthetic(value):
    return value if value is not None else SYNTHETIC[0]


def make_synthetic(directory, docs, count):
    """`count` documents of 2–40 KB cut from the corpus texts, in 50 folders."""
    texts = [open(d, "rb").read() for d in docs if os.path.getsize(d) > 20000]
    for i in range(count):
        text = texts[i % len(texts)]
        length = 2000 + (i * 7919) % 38000
        start = (i * 104729) % max(1, len(text) - length)
        start = text.find(b"\n", start) + 1
        folder = os.path.join(directory, "d%02d" % (i % 50))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "doc%05d.txt" % i), "wb") as f:
            f.write(b"Document %d\n\n" % i + text[start:start + length])


if __name__ == "__main__":
    main()
