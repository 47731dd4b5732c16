#!/usr/bin/python3
"""Graph oracle: recomputes meshcheck's graph measures with networkx and compares them.

For each input (every Discord corpus JSON file, synthetic exports from gen_dce.py, and any file
given on the command line) it runs `meshcheck analyze --json --edges FILE`, rebuilds the
interaction graph from the edge list (report::RenderEdgeList) with networkx, recomputes

  - degree centralization: Freeman, on the undirected simple reply+mention graph over the
    people who posted, from networkx degrees (ANALYSIS.md B.1 item 1);
  - peer reciprocity: mutual pairs / pairs of the non-host reply digraph (B.1 item 2);
  - peer reply share: non-host to non-host replies / replies, from edge weights (B.1 item 5),
    and how many of them turn-taking inferred (B.6; also the report's inference count);
  - host share of interactions: replies and mentions touching a host / all of them;
  - host-removed connectivity: the largest connected component (networkx) of the non-host
    ties seen in >= 2 distinct conversations of HRC's window (B.1 item 4), over the report's
    non-host posters; the tie lines must match the edges' non-host replies;
  - the host-bridge check (C.2 item 5): the connected components of the non-host reply ties,
    and how many holding >= 20% of the posters a host ties into;

and checks the report's values (and their evidence counts) agree to 1e-9. The synthetic inputs
include exports without reply links, whose replies meshcheck infers by turn-taking, so every
graph measure is also checked on an inferred graph. Prints one line per input with the measures
compared and the largest absolute difference; exits 1 on any mismatch.

usage: graph_oracle.py MESHCHECK CORPUS_DIR [FILE...]
"""

import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_dce  # noqa: E402

TOLERANCE = 1e-9
MIN_NODES_FOR_CENTRALIZATION = 5  # metrics/params.h, ANALYSIS.md B.1 item 1.
BRIDGE_MIN_SHARE = 0.20  # metrics/params.h kBridgeMinComponentShare, ANALYSIS.md C.2 item 5.
SHORT = {"degree_centralization": "C", "peer_reciprocity": "PRC", "peer_reply_share": "PRS",
         "host_share_of_interactions": "host_share", "host_removed_connectivity": "HRC"}


def read_edge_list(path):
    """Returns (nodes, edges, ties): nodes {index: (is_host, messages)}, edges
    [(u, v, replies, mentions, reactions, inferred)], ties [(a, b, conversations, window)]."""
    nodes, edges, ties = {}, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "node" and len(fields) == 4:
                nodes[int(fields[1])] = (fields[2] == "1", int(fields[3]))
            elif fields[0] == "edge" and len(fields) == 7:
                edges.append(tuple(int(x) for x in fields[1:7]))
            elif fields[0] == "tie" and len(fields) == 5:
                ties.append(tuple(int(x) for x in fields[1:5]))
            else:
                raise ValueError("unexpected line in %s: %r" % (path, line))
    return nodes, edges, ties


def oracle_measures(nodes, edges, ties, report):
    """The measures recomputed with networkx: {name: (value or None, {evidence})}. HRC's
    denominator (non-host posters of its window) is the report's: the edge list cannot give
    it."""
    is_host = {n for n, (host, _) in nodes.items() if host}
    posters = [n for n, (_, messages) in nodes.items() if messages > 0]

    # Undirected simple graph of reply and mention ties among people who posted.
    g = nx.Graph()
    g.add_nodes_from(posters)
    for u, v, replies, mentions, _, _ in edges:
        if replies + mentions > 0 and u in g and v in g:
            g.add_edge(u, v)
    degrees = [d for _, d in g.degree()]
    n = g.number_of_nodes()
    if n >= MIN_NODES_FOR_CENTRALIZATION and g.number_of_edges() > 0:
        d_max = max(degrees)
        centralization = sum(d_max - d for d in degrees) / ((n - 1) * (n - 2))
    else:
        centralization = None
    out = {
        "degree_centralization": (centralization, {
            "nodes": n,
            "edges": g.number_of_edges(),
            "max_degree": max(degrees, default=0),
        }),
    }

    # Directed reply graph between people who are not hosts.
    peer = nx.DiGraph()
    peer.add_edges_from((u, v) for u, v, replies, _, _, _ in edges
                        if replies > 0 and u not in is_host and v not in is_host)
    pairs = peer.to_undirected().number_of_edges()
    mutual = peer.to_undirected(reciprocal=True).number_of_edges()
    if pairs:
        # Cross-check through networkx's overall reciprocity r = 2m / (2m + s): m/(m+s) = r/(2-r).
        r = nx.overall_reciprocity(peer)
        assert abs(r / (2 - r) - mutual / pairs) < TOLERANCE
    out["peer_reciprocity"] = (mutual / pairs if pairs else None,
                               {"peer_pairs": pairs, "mutual_peer_pairs": mutual})

    replies = sum(e[2] for e in edges)
    peer_replies = sum(e[2] for e in edges if e[0] not in is_host and e[1] not in is_host)
    out["peer_reply_share"] = (peer_replies / replies if replies else None, {
        "replies": replies,
        "peer_replies": peer_replies,
        "replies_to_host": sum(e[2] for e in edges if e[1] in is_host),
        "replies_by_host": sum(e[2] for e in edges if e[0] in is_host),
        "inferred_replies": sum(e[5] for e in edges),
    })

    interactions = sum(e[2] + e[3] for e in edges)
    with_host = sum(e[2] + e[3] for e in edges if e[0] in is_host or e[1] in is_host)
    out["host_share_of_interactions"] = (with_host / interactions if interactions else None, {
        "interactions": interactions,
        "with_host": with_host,
    })

    # HRC: repeated ties (>= 2 distinct conversations in the window) between non-hosts.
    repeated = nx.Graph()
    repeated.add_edges_from((a, b) for a, b, _, window in ties if window >= 2)
    largest = max((len(c) for c in nx.connected_components(repeated)), default=0)
    hrc = report["measures"]["host_removed_connectivity"]
    posters = hrc["evidence"]["non_host_posters"]
    out["host_removed_connectivity"] = (largest / posters if posters >= 2 else None, {
        "peer_ties": sum(1 for t in ties if t[3] >= 1),
        "repeated_ties": repeated.number_of_edges(),
        "largest_component": largest,
    })
    return out


def check_ties(label, nodes, edges, ties):
    """The tie lines are exactly the non-host pairs of people with a reply either way."""
    is_host = {n for n, (host, _) in nodes.items() if host}
    expected = set()
    for u, v, replies, _, _, _ in edges:
        if replies > 0 and u not in is_host and v not in is_host:
            expected.add((min(u, v), max(u, v)))
    got = {(a, b) for a, b, _, _ in ties}
    problems = []
    if got != expected:
        problems.append("%s: tie lines %d pairs, non-host reply edges %d pairs"
                        % (label, len(got), len(expected)))
    for a, b, conversations, window in ties:
        if not (a < b and 1 <= conversations and 0 <= window <= conversations):
            problems.append("%s: bad tie line %r" % (label, (a, b, conversations, window)))
    return problems


def check_bridge(label, report, nodes, edges, ties):
    """The host-bridge check recomputed with networkx connected components."""
    is_host = {n for n, (host, _) in nodes.items() if host}
    posters = [n for n, (host, messages) in nodes.items() if messages > 0 and not host]
    members = nx.Graph()
    members.add_nodes_from(posters)
    members.add_edges_from((a, b) for a, b, _, _ in ties)
    components = sorted((frozenset(c) for c in nx.connected_components(members)
                         if c & set(posters)), key=len, reverse=True)
    sizes = [len(c & set(posters)) for c in components]
    total_posters = report["group"]["posters"]
    touched = set()
    for u, v, replies, _, _, _ in edges:
        if replies == 0 or (u in is_host) == (v in is_host):
            continue
        member = v if u in is_host else u
        for i, c in enumerate(components):
            if member in c and sizes[i] >= BRIDGE_MIN_SHARE * total_posters:
                touched.add(i)
    expected = {"posters": total_posters,
                "largest_group": sizes[0] if sizes else 0,
                "second_group": sizes[1] if len(sizes) > 1 else 0,
                "bridged_groups": len(touched)}
    got = report["participation"]["host_bridge"]
    return [] if got == expected else ["%s: host_bridge %r, networkx gives %r"
                                      % (label, got, expected)]


def compare(label, report, nodes, edges, ties):
    """Returns (measures compared, max abs difference, a description, list of problems)."""
    problems = check_ties(label, nodes, edges, ties) + check_bridge(label, report, nodes, edges,
                                                                    ties)
    max_diff = 0.0
    expected = oracle_measures(nodes, edges, ties, report)
    inferred = sum(e[5] for e in edges)
    if inferred != report["inference"]["inferred_replies"]:
        problems.append("%s: %d inferred replies in the edge list, %d in the report"
                        % (label, inferred, report["inference"]["inferred_replies"]))
    for name, (value, evidence) in expected.items():
        got = report["measures"][name]
        if value is None:
            if got["available"]:
                problems.append("%s: %s is available (%r), networkx finds it undefined"
                                % (label, name, got["value"]))
        elif not got["available"]:
            problems.append("%s: %s unavailable, networkx gives %r" % (label, name, value))
        else:
            diff = abs(got["value"] - value)
            max_diff = max(max_diff, diff)
            if diff > TOLERANCE:
                problems.append("%s: %s = %r, networkx gives %r" % (label, name, got["value"],
                                                                     value))
        for key, count in evidence.items():
            if got["evidence"].get(key) != count:
                problems.append("%s: %s evidence %s = %r, networkx gives %r"
                                % (label, name, key, got["evidence"].get(key), count))
    # The node lines agree with the report's facts and host list.
    posters = sum(1 for _, messages in nodes.values() if messages > 0)
    if posters != report["group"]["posters"]:
        problems.append("%s: %d posters in the edge list, %d in the report"
                        % (label, posters, report["group"]["posters"]))
    hosts = sum(1 for host, _ in nodes.values() if host)
    if hosts != len(report["hosts"]["members"]):
        problems.append("%s: %d hosts in the edge list, %d in the report"
                        % (label, hosts, len(report["hosts"]["members"])))
    shown = " ".join("%s=%s" % (SHORT[name], "n/a" if value is None else "%.4f" % value)
                     for name, (value, _) in expected.items())
    detail = "people %d, hosts %d, edges %d (%d inferred replies), ties %d; %s" % (
        posters, hosts, len(edges), inferred, len(ties), shown)
    return len(expected), max_diff, detail, problems


def run_case(meshcheck, label, files, extra_args, workdir):
    edges_path = os.path.join(workdir, "edges.tsv")
    cmd = [meshcheck, "analyze", "--json", "--edges", edges_path] + extra_args + files
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return 0, 0.0, "", ["%s: meshcheck exited %d: %s" % (label, result.returncode,
                                                             result.stderr.strip())]
    report = json.loads(result.stdout)
    nodes, edges, ties = read_edge_list(edges_path)
    return compare(label, report, nodes, edges, ties)


def synthetic_cases(workdir):
    """(label, path, extra CLI args) for the generated exports."""
    variants = [
        ("synthetic seed 1, staff-role host", dict(seed=1), []),
        ("synthetic seed 2, inferred host, newest first",
         dict(seed=2, host_role=False, newest_first=True), []),
        ("synthetic seed 3, light host", dict(seed=3, host_weight=1.0, messages=600), []),
        ("synthetic seed 4, declared co-hosts",
         dict(seed=4, host_weight=1.5), ["--host", "member03", "--host", "Host"]),
        ("synthetic seed 5, flat activity, no host",
         dict(seed=5, host_weight=0.0, host_role=False, flat=True, members=30), []),
        ("synthetic seed 6, dominant poster, no role",
         dict(seed=6, host_weight=0.0, host_role=False, members=60), []),
        ("synthetic seed 7, no reply links: inferred by turn-taking",
         dict(seed=7, replies=False, messages=600, days=2), []),
        ("synthetic seed 8, no reply links, flat, no host",
         dict(seed=8, replies=False, messages=800, days=3, host_weight=0.0, host_role=False,
              flat=True, members=12), []),
        ("synthetic seed 9, no reply links, declared host, a month",
         dict(seed=9, replies=False, messages=3000, days=30), ["--host", "Host"]),
    ]
    out = []
    for label, kwargs, args in variants:
        path = os.path.join(workdir, "synthetic-%d.json" % kwargs["seed"])
        gen_dce.write(path, **kwargs)
        out.append((label, path, args))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    meshcheck, corpus = argv[1], argv[2]
    with tempfile.TemporaryDirectory() as workdir:
        cases = []
        discord = os.path.join(corpus, "discord")
        for name in sorted(os.listdir(discord)):
            if name.endswith(".json"):
                cases.append(("corpus " + name, os.path.join(discord, name), []))
        if not cases:
            print("no Discord JSON file in %s" % discord, file=sys.stderr)
            return 1
        cases += synthetic_cases(workdir)
        cases += [("input " + os.path.basename(p), p, []) for p in argv[3:]]
        failures = []
        for label, path, args in cases:
            compared, max_diff, detail, problems = run_case(meshcheck, label, [path], args,
                                                            workdir)
            print("%s: %d measures compared, max abs difference %.3g\n    (%s)"
                  % (label, compared, max_diff, detail))
            failures += problems
        for p in failures:
            print("MISMATCH " + p)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
