"""Reference values from NetworkX, SciPy and statsmodels for the oracle tests (test/oracles).

Reads one JSON request on stdin, {"cases": [{"id": ..., "kind": ..., ...}, ...]}, and writes
{"results": [{"id": ..., "values": {...}} | {"id": ..., "error": "..."}]} on stdout: a whole test
file's cases in one process, since importing SciPy takes most of a second.

Values are the libraries' own, unmapped: NaN and infinities travel as the strings "NaN",
"Infinity" and "-Infinity" (JSON has no such numbers), and a value the library refuses to compute
(it raises) is null with the reason under "raised". How the project's conventions (null where
NetworkX says NaN, nodes without a category forming one) meet these values is decided in
test/oracles/conventions.ts, in one place, not here.
"""

import json
import math
import statistics
import sys
import warnings

import networkx as nx
import numpy as np
from scipy import stats
from scipy.special import gammaln
from statsmodels.stats.multitest import multipletests


def number(x):
    """A float for JSON: non-finite values as strings, numpy scalars as Python ones."""
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


class Values:
    """The values of one case; a library call that raises gives null and its reason."""

    def __init__(self):
        self.values = {}
        self.raised = {}

    def put(self, name, compute):
        try:
            self.values[name] = compute()
        except Exception as e:  # the library's refusal is a value too: undefined
            self.values[name] = None
            self.raised[name] = f"{type(e).__name__}: {e}"

    def json(self):
        scalar = lambda x: isinstance(x, (int, float, np.number)) and not isinstance(x, (bool, np.bool_))
        out = {k: (number(x) if scalar(x) else x) for k, x in self.values.items()}
        return {"values": out, "raised": self.raised}


# ---------------------------------------------------------------- networks


def directed_graph(case):
    g = nx.DiGraph()
    for node in case["nodes"]:
        attrs = {k: v for k, v in node.items() if k != "id"}
        g.add_node(node["id"], **attrs)
    for e in case["edges"]:
        g.add_edge(e["source"], e["target"], weight=e.get("weight", 1))
    return g


def mutual_pairs(g):
    return sum(1 for u, v in g.edges if g.has_edge(v, u)) // 2


def histogram(degrees):
    counts = [0] * (max(degrees) + 1) if degrees else []
    for d in degrees:
        counts[d] += 1
    return counts


def friendship_paradox(u):
    """Over nodes of degree >= 1: mean of (mean neighbour degree - own degree), share below it."""
    neighbour_mean = nx.average_neighbor_degree(u)
    gaps = [(neighbour_mean[n] - d, d < neighbour_mean[n]) for n, d in u.degree if d >= 1]
    if not gaps:
        return None, None
    return statistics.fmean(g for g, _ in gaps), sum(1 for _, below in gaps if below) / len(gaps)


def categorical(u, attribute, missing):
    """A copy of U where every node has `attribute`: its value, or `missing` where it has none."""
    c = u.copy()
    for n, attrs in c.nodes(data=True):
        if attrs.get(attribute) is None:
            attrs[attribute] = missing
    return c


def partition_by(u, key):
    groups = {}
    for n in u:
        groups.setdefault(key(n), set()).add(n)
    return list(groups.values())


def network(case):
    g = directed_graph(case)
    u = g.to_undirected()
    attribute = case["attribute"]
    v = Values()
    v.put("nodes", g.number_of_nodes)
    v.put("edges", g.number_of_edges)
    v.put("density", lambda: nx.density(g))
    v.put("reciprocity", lambda: nx.overall_reciprocity(g))
    v.put("mutual_pairs", lambda: mutual_pairs(g))
    v.put("max_in_degree", lambda: max(d for _, d in g.in_degree))
    v.put("max_out_degree", lambda: max(d for _, d in g.out_degree))
    v.put("in_degree_distribution", lambda: histogram([d for _, d in g.in_degree]))
    v.put("out_degree_distribution", lambda: histogram([d for _, d in g.out_degree]))
    v.put("weakly_connected_components", lambda: nx.number_weakly_connected_components(g))
    v.put("strongly_connected_components", lambda: nx.number_strongly_connected_components(g))
    v.put("average_clustering", lambda: nx.average_clustering(u))
    v.put("transitivity", lambda: nx.transitivity(u))
    v.put("degree_assortativity", lambda: nx.degree_assortativity_coefficient(u))
    v.put("connected_components", lambda: nx.number_connected_components(u))
    v.put("largest_component", lambda: max((len(c) for c in nx.connected_components(u)), default=0))
    v.put("median_undirected_degree", lambda: statistics.median(d for _, d in u.degree))
    paradox = friendship_paradox(u)
    v.put("friendship_paradox_mean_gap", lambda: paradox[0])
    v.put("friendship_paradox_fraction", lambda: paradox[1])

    if case["attribute_kind"] == "numeric":
        valued = [n for n, x in u.nodes(data=attribute) if isinstance(x, (int, float)) and math.isfinite(x)]
        v.put(f"{attribute}_assortativity", lambda: nx.numeric_assortativity_coefficient(u, attribute, nodes=valued))
        v.put(f"{attribute}_assortativity_missing", lambda: u.number_of_nodes() - len(valued))
    else:
        c = categorical(u, attribute, case["missing_category"])
        by_value = partition_by(c, lambda n: c.nodes[n][attribute])
        v.put(f"{attribute}_assortativity", lambda: nx.attribute_assortativity_coefficient(c, attribute))
        v.put(f"{attribute}_modularity", lambda: nx.community.modularity(u, by_value, weight=None))
        v.put(f"{attribute}_modularity_weighted", lambda: nx.community.modularity(u, by_value, weight="weight"))

    louvain = case["louvain_partition"]
    parts = partition_by(u, lambda n: louvain[n])
    v.put("louvain_is_partition", lambda: nx.community.is_partition(u, parts))
    v.put("louvain_communities", lambda: len(parts))
    v.put("louvain_modularity", lambda: nx.community.modularity(u, parts, weight=None))
    return v


# ---------------------------------------------------------------- statistics


def t_values(v, result, ci=True):
    v.put("t", lambda: result.statistic)
    v.put("df", lambda: result.df)
    v.put("p", lambda: result.pvalue)
    if ci:
        v.put("ci_low", lambda: result.confidence_interval(0.95).low)
        v.put("ci_high", lambda: result.confidence_interval(0.95).high)


def welch(case):
    v = Values()
    t_values(v, stats.ttest_ind(case["a"], case["b"], equal_var=False))
    v.put("difference", lambda: np.mean(case["a"]) - np.mean(case["b"]))
    return v


def one_sample(case):
    v = Values()
    t_values(v, stats.ttest_1samp(case["a"], case["mu"]))
    return v


def paired(case):
    v = Values()
    t_values(v, stats.ttest_rel(case["a"], case["b"]))
    return v


def ks(case):
    """Two-sided two-sample KS by the method asked for, and the one SciPy used (it may fall back)."""
    v = Values()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = stats.ks_2samp(case["a"], case["b"], alternative="two-sided", method=case["method"])
    fell_back = any("Switching to method=asymp" in str(w.message) for w in caught)
    v.put("d", lambda: r.statistic)
    v.put("p", lambda: r.pvalue)
    v.put("method", lambda: "asymp" if fell_back else case["method"])
    return v


def holm(case):
    """statsmodels' Holm step-down on the p-values present; a null p stays null and is not counted."""
    v = Values()
    ps = case["p"]
    present = [p for p in ps if p is not None]

    def adjusted():
        if not present:
            return [None] * len(ps)
        reject, corrected, _, _ = multipletests(present, method="holm")
        it = iter(corrected)
        return [None if p is None else number(next(it)) for p in ps]

    v.put("adjusted", adjusted)
    return v


def hedges(case):
    """Hedges' g of b against a with the approximate correction J = 1 - 3 / (4 (na + nb) - 9).

    The project's choice (src/core/experiment/statistics.ts contrast); `j_exact` is the exact
    Gamma-function factor, reported so a test can bound the approximation's cost.
    """
    v = Values()
    a, b = np.asarray(case["a"], float), np.asarray(case["b"], float)
    na, nb = len(a), len(b)
    pooled = math.sqrt(((na - 1) * np.var(a, ddof=1) + (nb - 1) * np.var(b, ddof=1)) / (na + nb - 2))
    d = (np.mean(b) - np.mean(a)) / pooled if pooled > 0 else math.nan
    df = na + nb - 2
    v.put("g", lambda: d * (1 - 3 / (4 * (na + nb) - 9)))
    v.put("j_exact", lambda: math.exp(gammaln(df / 2) - gammaln((df - 1) / 2)) / math.sqrt(df / 2))
    return v


KINDS = {
    "network": network,
    "welch": welch,
    "one_sample": one_sample,
    "paired": paired,
    "ks": ks,
    "holm": holm,
    "hedges": hedges,
}


def main():
    request = json.load(sys.stdin)
    results = []
    # SciPy warns where it returns NaN or ±inf (no spread, one value): the value is the answer.
    warnings.simplefilter("ignore", RuntimeWarning)
    for case in request["cases"]:
        try:
            results.append({"id": case["id"], **KINDS[case["kind"]](case).json()})
        except Exception as e:  # a malformed case: say which, answer the rest
            results.append({"id": case.get("id"), "error": f"{type(e).__name__}: {e}"})
    versions = {"networkx": nx.__version__, "numpy": np.__version__, "scipy": __import__("scipy").__version__}
    json.dump({"versions": versions, "results": results}, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
