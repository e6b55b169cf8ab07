#!/usr/bin/env python3
"""Bindery benchmarks: one-shot conversion of ../shared/corpus against pandoc and calibre, side by side.

usage: bench.py [--runs N] [--calibre-runs N] [--skip-calibre] [--daemon]
  Run by `make bench` (which builds in release and installs pandoc and calibre first).
  Prints median wall time and peak RSS per tool, ratios, per-stage times for the largest book, and
  (with --daemon) the daemon's change-to-published latency. Writes the figures to BENCHMARKS.md.
"""
import argparse, glob, json, os, platform, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
BINDERY = os.path.join(ROOT, ".build", "release", "bindery")
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
    args = parser.parse_args()

    docs = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    if not docs:
        sys.exit("no corpus at %s" % CORPUS)
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

    report = {"machine": "%s, %d cores, %s" % (platform.platform(), os.cpu_count(), platform.python_version()), "rows": rows, "stages": stages, "corpus_bytes": size}
    print("\n" + json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
