#!/usr/bin/python3
"""Put the result files of `svr bench` and bench/svr_numpy.py side by side as Markdown tables.

Usage: compare.py java.txt numpy.txt [more result files]. The first file is the one the ratios
are taken of (its time divided by each other file's time). A stage missing from a file shows as -.
"""
import sys


def parse(path):
    """Return (header, {(mode, precision, stage, step): seconds}, {(mode, precision): result text}).

    CPU seconds go into the same dictionary under the stage name with a "cpu:" prefix.
    """
    header, times, results = "", {}, {}
    with open(path) as lines:
        for line in lines:
            line = line.strip()
            if line.startswith("# svr bench:"):
                header = line[len("# svr bench:"):].strip()
                continue
            if not line.startswith("mode="):
                continue
            fields = dict(item.split("=", 1) for item in line.split())
            key = (fields["mode"], fields["precision"])
            if fields["stage"] == "result":
                results[key] = "%s neurons, %s significant edges" % (fields["neurons"], fields["significant_edges"])
            else:
                times[key + (fields["stage"], fields["step"])] = float(fields["seconds"])
                if "cpu_seconds" in fields:
                    times[key + ("cpu:" + fields["stage"], fields["step"])] = float(fields["cpu_seconds"])
    return header, times, results


def label(header):
    fields = dict(item.split("=", 1) for item in header.split() if "=" in item)
    name = fields.get("implementation", "?")
    if "backend" in fields:
        name += " " + fields["backend"]
    if fields.get("openblas_num_threads", "default") != "default":
        name += " (%s thread)" % fields["openblas_num_threads"]
    return name


def cell(value):
    return "-" if value is None else "%.2f" % value


def main(paths):
    runs = [parse(path) for path in paths]
    names = [label(header) for header, _, _ in runs]
    modes = []
    for _, times, _ in runs:
        for key in times:
            if key[:2] not in modes:
                modes.append(key[:2])

    for kind, title in (("", "Wall-clock"), ("cpu:", "Process CPU")):
        print("%s seconds per stage; ratio = %s time / other time.\n" % (title, names[0]))
        columns = ["mode", "precision", "stage"] + names + ["%s / %s" % (names[0], name) for name in names[1:]]
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for mode, precision in modes:
            for stage in ("svd", "adjacency", "significance", "all"):
                values = [times.get((mode, precision, kind + stage, "total")) for _, times, _ in runs]
                ratios = [None if not v or values[0] is None else values[0] / v for v in values[1:]]
                print("| " + " | ".join([mode, precision, stage] + [cell(v) for v in values]
                                        + [cell(r) for r in ratios]) + " |")
        print()

    print("Full rank / top-k, whole SVR (stage all), wall-clock and CPU seconds:\n")
    print("| implementation | precision | clock | full | top-k | full / top-k |")
    print("|---|---|---|---|---|---|")
    for name, (_, times, _) in zip(names, runs):
        for precision in ("float64", "float32"):
            for kind, title in (("", "wall"), ("cpu:", "cpu")):
                full = times.get(("full", precision, kind + "all", "total"))
                tops = [key for key in times
                        if key[1] == precision and key[0].startswith("top") and key[2] == kind + "all"]
                for key in tops:
                    top = times[key]
                    ratio = cell(full / top) if full and top else "-"
                    print("| %s | %s | %s | %s | %s (%s) | %s |"
                          % (name, precision, title, cell(full), cell(top), key[0], ratio))

    stage = "cpu:svd" if any(key[2] == "cpu:svd" for key in runs[0][1]) else "svd"
    print("\nPer-layer SVD, %s seconds (full rank):\n" % ("process CPU" if stage == "cpu:svd" else "wall-clock"))
    steps = [key for key in runs[0][1] if key[0] == "full" and key[2] == stage and key[3] != "total"]
    columns = ["precision", "layer"] + names
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for key in steps:
        values = [times.get(key) for _, times, _ in runs]
        print("| " + " | ".join([key[1], key[3]] + [cell(v) for v in values]) + " |")

    print("\nSanity check (random weights, so the edge counts differ only by chance):\n")
    for name, (_, _, results) in zip(names, runs):
        for (mode, precision), text in results.items():
            print("- %s, %s %s: %s" % (name, mode, precision, text))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
