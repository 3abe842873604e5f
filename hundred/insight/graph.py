"""The referral tree and warm paths, as pure functions over (id, introduced_by_id) pairs.

No Django here: the caller loads the pairs in one query and hands them in. Data edited by hand
can hold loops (A introduced B, B introduced A); every walk keeps a `seen` set, so none of these
functions loops forever.
"""

from __future__ import annotations

from collections import Counter, deque
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


def children_map(pairs: Iterable[tuple[int, int | None]]) -> dict[int, list[int]]:
    """introducer id -> ids of the people they introduced, in id order."""
    children: dict[int, list[int]] = {}
    for pid, by in sorted(pairs):
        if by is not None and by != pid:
            children.setdefault(by, []).append(pid)
    return children


def referral_tree(pairs: Iterable[tuple[int, int | None]]) -> ReferralTree:
    """Who led to whom, rooted at people known directly who introduced someone.

    referral_tree([(1, None), (2, 1), (3, 2)]) -> one root 1 with 2 below it and 3 below that;
    depth 2. People in a loop of introductions (no one known directly above them) get the
    lowest id of the loop as a root marked `in_loop`.
    """
    pairs = list(pairs)
    parent = {pid: by for pid, by in pairs}
    children = children_map(pairs)
    roots_ids = [
        pid for pid, by in sorted(pairs) if (by is None or by not in parent) and pid in children
    ]
    seen: set[int] = set()
    roots: list[Node] = []
    depth = 0

    def grow(root_id: int, in_loop: bool = False) -> None:
        nonlocal depth
        root = Node(root_id, [], in_loop=in_loop)
        seen.add(root_id)
        queue = deque([(root, 0)])
        while queue:
            node, level = queue.popleft()
            depth = max(depth, level)
            for child_id in children.get(node.id, ()):
                if child_id in seen:
                    continue
                seen.add(child_id)
                child = Node(child_id, [] if child_id in children else ())
                node.children.append(child)
                queue.append((child, level + 1))
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


def top_connectors(
    pairs: Iterable[tuple[int, int | None]], limit: int = 5
) -> list[tuple[int, int]]:
    """The people who introduced the most others: [(id, how many)], most first, then by id."""
    counts = Counter(by for pid, by in pairs if by is not None and by != pid)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def shortest_paths_from(
    pairs: Iterable[tuple[int, int | None]],
    sources: Iterable[int],
    targets: Iterable[int] | None = None,
) -> dict[int, list[int]]:
    """For each person reachable, one shortest chain of introductions from a source to them.

    The graph is undirected: an introduction means the two know each other, whichever way it
    went. shortest_paths_from([(1, None), (2, 1), (3, 2)], [1]) -> {1: [1], 2: [1, 2], 3: [1, 2, 3]}
    Ties go to the lower id, so the answer is stable. With `targets`, only their chains are
    spelled out (the search is the same; the page needs a few hundred of 30,000).
    """
    # Each person's links are their introducer and the people they introduced: read from the
    # two maps rather than kept as a set per person, which at 30,000 people were enough
    # long-lived objects to set off a full garbage collection on every page view.
    pairs = list(pairs)
    parent = {pid: by for pid, by in pairs if by is not None and by != pid}
    children = children_map(pairs)
    people = {pid for pid, _ in pairs}
    previous: dict[int, int | None] = {}
    queue: deque[int] = deque()
    for s in sorted(set(sources)):
        if s in people:
            previous[s] = None
            queue.append(s)
    while queue:
        node = queue.popleft()
        linked = children.get(node, ())
        up = parent.get(node)
        if up is not None:
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
