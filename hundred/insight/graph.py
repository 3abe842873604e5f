"""The referral tree and warm paths, as pure functions over (id, introduced_by_id) pairs.

No Django here: the caller loads the pairs in one query and hands them in. Data edited by hand
can hold loops (A introduced B, B introduced A); every walk keeps a `seen` set, so none of these
functions loops forever.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(slots=True)
class Node:
    id: int
    # Someone who introduced nobody keeps the shared empty tuple: a list each for the thousands
    # of leaves was a third of the objects the page kept alive (and made the collector run).
    children: list[Node] | tuple[()] = ()
    in_loop: bool = False  # a root picked to break a loop of introductions

    def size(self) -> int:
        """How many people hang below this node (itself not counted)."""
        count, stack = 0, list(self.children)
        while stack:
            node = stack.pop()
            count += 1
            stack.extend(node.children)
        return count


@dataclass
class ReferralTree:
    roots: list[Node]
    depth: int  # introductions in the longest chain; 0 when nobody introduced anyone
    people: int  # people in the tree, roots included


class Links:
    """Who introduced whom, read once from (id, introduced_by_id) pairs and shared by the tree,
    the connectors and the warm paths (each built the same maps from 30,000 pairs before).

    `introducer` maps every person to whoever introduced them (None, an unknown id or
    themselves included, as the data has it); `children` maps an introducer to the people they
    introduced, in id order, without self-introductions.
    """

    __slots__ = ("introducer", "children")

    def __init__(self, pairs: Iterable[tuple[int, int | None]]) -> None:
        self.introducer: dict[int, int | None] = dict(pairs)
        introduced = sorted(
            (pid, by) for pid, by in self.introducer.items() if by is not None and by != pid
        )
        self.children: dict[int, list[int]] = {}
        for pid, by in introduced:
            self.children.setdefault(by, []).append(pid)

    def up(self, pid: int) -> int | None:
        """Whoever introduced pid, or None when nobody did (or pid introduced themselves)."""
        by = self.introducer.get(pid)
        return None if by == pid else by


Graph = Links | Iterable[tuple[int, int | None]]


def links(graph: Graph) -> Links:
    return graph if isinstance(graph, Links) else Links(graph)


def referral_tree(pairs: Graph) -> ReferralTree:
    """Who led to whom, rooted at people known directly who introduced someone.

    referral_tree([(1, None), (2, 1), (3, 2)]) -> one root 1 with 2 below it and 3 below that;
    depth 2. People in a loop of introductions (no one known directly above them) get the
    lowest id of the loop as a root marked `in_loop`.
    """
    graph = links(pairs)
    parent, children = graph.introducer, graph.children
    # Only introducers can be roots: a root is someone who introduced others and has no
    # known introducer above them.
    roots_ids = [
        pid
        for pid in sorted(children)
        if pid in parent and (parent[pid] is None or parent[pid] not in parent)
    ]
    seen: set[int] = set()
    roots: list[Node] = []
    depth = 0

    def grow(root_id: int, in_loop: bool = False) -> None:
        # Level by level; only people who introduced someone are looked into, and everyone
        # in `current` did.
        nonlocal depth
        root = Node(root_id, [], in_loop=in_loop)
        seen.add(root_id)
        level, current = 0, [root]
        while current:
            below = []
            for node in current:
                for child_id in children[node.id]:
                    if child_id in seen:
                        continue
                    seen.add(child_id)
                    if child_id in children:
                        child = Node(child_id, [])
                        below.append(child)
                    else:
                        child = Node(child_id)
                    node.children.append(child)
                    depth = max(depth, level + 1)
            level += 1
            current = below
        roots.append(root)

    for rid in roots_ids:
        if rid not in seen:
            grow(rid)
    # Whoever introduced someone but was not reached sits in a loop or below one.
    for pid in sorted(children):
        if pid in seen or pid not in parent:
            continue
        loop = _loop_above(pid, parent, seen)
        if loop:
            grow(min(loop), in_loop=True)
        # Anyone left hangs below a loop and is reached once that loop is grown.
    for pid in sorted(children):
        if pid not in seen and pid in parent:
            grow(pid, in_loop=True)
    return ReferralTree(roots=roots, depth=depth, people=len(seen))


def preorder(roots: list[Node], limit: int) -> list[tuple[Node, int]]:
    """The first `limit` people of the tree in reading order, each with their depth: a root,
    then everyone below it, then the next root (the order of the outline and the drawing)."""
    found: list[tuple[Node, int]] = []
    stack = [(r, 0) for r in reversed(roots)]
    while stack and len(found) < limit:
        node, depth = stack.pop()
        found.append((node, depth))
        stack.extend((c, depth + 1) for c in reversed(node.children))
    return found


def _loop_above(pid: int, parent: dict[int, int | None], seen: set[int]) -> list[int]:
    """The loop reached by walking up from `pid` through introducers, or [] if none."""
    path: list[int] = []
    index: dict[int, int] = {}
    current: int | None = pid
    while current is not None and current in parent and current not in seen:
        if current in index:
            return path[index[current] :]
        index[current] = len(path)
        path.append(current)
        current = parent[current]
    return []


def top_connectors(pairs: Graph, limit: int = 5) -> list[tuple[int, int]]:
    """The people who introduced the most others: [(id, how many)], most first, then by id."""
    counts = [(by, len(introduced)) for by, introduced in links(pairs).children.items()]
    return sorted(counts, key=lambda item: (-item[1], item[0]))[:limit]


def shortest_paths_from(
    pairs: Graph,
    sources: Iterable[int],
    targets: Iterable[int] | None = None,
) -> dict[int, list[int]]:
    """For each person reachable, one shortest chain of introductions from a source to them.

    The graph is undirected: an introduction means the two know each other, whichever way it
    went. shortest_paths_from([(1, None), (2, 1), (3, 2)], [1]) -> {1: [1], 2: [1, 2], 3: [1, 2, 3]}
    Ties go to the lower id, so the answer is stable. With `targets`, only their chains are
    spelled out (the search is the same; the page needs a few hundred of 30,000).
    """
    graph = links(pairs)
    introducer, children = graph.introducer, graph.children
    starts = sorted(s for s in set(sources) if s in introducer)
    previous: dict[int, int | None] = dict.fromkeys(starts)
    # A source nobody is linked to is its own chain and leads nowhere: only the others are
    # searched from (at 30,000 people most sources know nobody else on the list).
    queue = deque(
        s for s in starts if s in children or introducer[s] is not None and introducer[s] != s
    )
    while queue:
        node = queue.popleft()
        linked = children.get(node, ())
        up = introducer.get(node)
        if up is not None and up != node:
            linked = sorted([*linked, up])  # lower ids first: the ties go to them
        for nxt in linked:
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    wanted = previous if targets is None else [t for t in targets if t in previous]
    paths: dict[int, list[int]] = {}
    for node in wanted:
        chain = []
        current: int | None = node
        while current is not None:
            chain.append(current)
            current = previous[current]
        paths[node] = chain[::-1]
    return paths


def warm_paths(
    paths: dict[int, list[int]], people_there: Iterable[int], limit: int = 3
) -> list[list[int]]:
    """The shortest of the chains that end at people at one company, shortest first."""
    found = [paths[p] for p in people_there if p in paths]
    return sorted(found, key=lambda chain: (len(chain), chain[-1]))[:limit]
