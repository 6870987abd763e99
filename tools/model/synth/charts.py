"""Charts for the synthetic data (kind "chart", labelled real): line, bar, scatter, pie, histogram,
area and box plots with titles, legends and grids in several matplotlib styles.

Usage: charts.py JOBS.json OUTDIR. JOBS.json is a list of {"name", "template", "seed"}; each job
writes OUTDIR/<name>.png. Every choice comes from numpy's RandomState(seed), so a seed fixes the
chart. PNG metadata (the matplotlib version) is left out so the bytes depend only on the drawing.
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

STYLES = ["default", "classic", "ggplot", "bmh", "fivethirtyeight", "dark_background", "grayscale",
          "Solarize_Light2", "seaborn-v0_8", "seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid",
          "seaborn-v0_8-paper", "tableau-colorblind10", "fast"]
FONTS = ["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "STIXGeneral", "cmss10"]
WORDS = ("revenue users growth cost latency error rate sales temperature rainfall population share "
         "votes traffic memory score accuracy price demand exports energy visits signups").split()
TITLES = ["Monthly {}", "{} by region", "{} over time", "Annual {} (2015-2024)", "{} vs. {}",
          "Distribution of {}", "Рост: {}", "Umsatz {}", "Évolution {}", "Ventas {}", "Αύξηση {}"]
SIZES = [(6.4, 4.8), (8, 4.5), (10, 5), (5, 5), (7, 5), (4.5, 6), (12, 6)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def label(rs, n=1):
    return " ".join(rs.choice(WORDS) for _ in range(n))


def title(rs):
    t = rs.choice(TITLES)
    return t.format(*(label(rs) for _ in range(t.count("{}"))))


def names(rs, n):
    return [str(w).capitalize() for w in rs.choice(WORDS, n, replace=False)]


def line(ax, rs):
    x = np.arange(rs.randint(8, 60))
    for name in names(rs, rs.randint(1, 5)):
        ax.plot(x, np.cumsum(rs.randn(len(x))) + rs.uniform(-5, 20), label=name,
                marker=rs.choice(["", "", "o", "s", "."]), linewidth=rs.uniform(1, 3))


def bar(ax, rs):
    k = rs.randint(3, 10)
    cats = MONTHS[:k] if rs.rand() < 0.4 else names(rs, k)
    series = names(rs, rs.randint(1, 4))
    width = 0.8 / len(series)
    horizontal = rs.rand() < 0.3
    bottom = np.zeros(k)
    stacked = rs.rand() < 0.3
    for i, name in enumerate(series):
        v = rs.uniform(1, 100, k)
        pos = np.arange(k) if stacked else np.arange(k) + i * width
        draw = ax.barh if horizontal else ax.bar
        kw = {"left": bottom} if horizontal else {"bottom": bottom}
        draw(pos, v, (0.8 if stacked else width), label=name, **(kw if stacked else {}))
        bottom = bottom + v
    ticks = np.arange(k) + (0 if stacked else 0.4 - width / 2)
    (ax.set_yticks if horizontal else ax.set_xticks)(ticks)
    (ax.set_yticklabels if horizontal else ax.set_xticklabels)(cats, rotation=0 if horizontal else rs.choice([0, 30, 45]))


def scatter(ax, rs):
    for name in names(rs, rs.randint(1, 4)):
        n = rs.randint(20, 300)
        x = rs.randn(n) * rs.uniform(0.5, 3) + rs.uniform(-3, 3)
        ax.scatter(x, x * rs.uniform(-2, 2) + rs.randn(n), s=rs.uniform(5, 60), alpha=rs.uniform(0.4, 1), label=name)


def pie(ax, rs):
    k = rs.randint(3, 8)
    ax.pie(rs.uniform(1, 10, k), labels=names(rs, k), autopct="%1.0f%%" if rs.rand() < 0.7 else None,
           startangle=rs.randint(0, 360), wedgeprops={"width": 0.45} if rs.rand() < 0.4 else None)
    ax.axis("equal")


def histogram(ax, rs):
    for name in names(rs, rs.randint(1, 3)):
        ax.hist(rs.randn(rs.randint(200, 3000)) * rs.uniform(0.5, 2) + rs.uniform(-2, 2), bins=rs.randint(10, 50),
                alpha=0.7, label=name, histtype=rs.choice(["bar", "stepfilled", "step"]))


def area(ax, rs):
    x = np.arange(rs.randint(10, 40))
    ys = [np.abs(np.cumsum(rs.randn(len(x)))) + 1 for _ in range(rs.randint(2, 5))]
    if rs.rand() < 0.6:
        ax.stackplot(x, ys, labels=names(rs, len(ys)), alpha=0.85)
    else:
        for y, name in zip(ys, names(rs, len(ys))):
            ax.fill_between(x, y, alpha=0.4, label=name)
            ax.plot(x, y)


def box(ax, rs):
    k = rs.randint(3, 8)
    data = [rs.randn(rs.randint(20, 200)) * rs.uniform(0.5, 2) + rs.uniform(-2, 2) for _ in range(k)]
    if rs.rand() < 0.3:
        ax.violinplot(data)
    else:
        ax.boxplot(data, patch_artist=rs.rand() < 0.5, notch=rs.rand() < 0.3)
    ax.set_xticks(np.arange(1, k + 1))
    ax.set_xticklabels(names(rs, k))


TEMPLATES = {"line": line, "bar": bar, "scatter": scatter, "pie": pie, "histogram": histogram, "area": area, "box": box}


def draw(job, out):
    rs = np.random.RandomState(job["seed"])
    style = STYLES[rs.randint(len(STYLES))]
    font = FONTS[rs.randint(len(FONTS))]
    with plt.style.context(style), plt.rc_context({"font.family": [font, "DejaVu Sans"], "axes.unicode_minus": False}):
        w, h = SIZES[rs.randint(len(SIZES))]
        fig, ax = plt.subplots(figsize=(w, h), dpi=int(rs.choice([72, 100, 120, 150])))
        TEMPLATES[job["template"]](ax, rs)
        ax.set_title(title(rs), fontsize=rs.randint(10, 18), loc=rs.choice(["center", "left"]))
        if job["template"] != "pie":
            ax.set_xlabel(label(rs, rs.randint(1, 3)))
            ax.set_ylabel(label(rs, rs.randint(1, 3)))
            if rs.rand() < 0.5:
                ax.grid(True, linestyle=rs.choice(["-", "--", ":"]), alpha=0.6)
        if ax.get_legend_handles_labels()[0] and rs.rand() < 0.75:
            ax.legend(loc=rs.choice(["best", "upper left", "upper right", "lower right"]), frameon=rs.rand() < 0.7)
        fig.tight_layout()
        fig.savefig(out, format="png", metadata={"Software": None})
        plt.close(fig)


def main():
    jobs = json.load(open(sys.argv[1]))
    for job in jobs:
        draw(job, f"{sys.argv[2]}/{job['name']}.png")


if __name__ == "__main__":
    main()
