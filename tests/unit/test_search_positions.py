"""Stored word positions and the vectorised phrase count read what was written.

The stemmed fields store each word's positions as gaps in two bytes (four
past 65,535); a phrase of adjacent words is counted over many documents at
once with numpy. Both must agree with the plain definitions, on the sizes
real testimonies have (hundreds of "que" in an hour) and at the edges
(one position, huge gaps, batches of documents).
"""

from __future__ import annotations

import random

from memoria.search import positions as P
from memoria.search.planner import _adjacent_starts


def test_positions_round_trip_in_two_and_four_bytes():
    rng = random.Random(1)
    shapes = [[0], [7], [65535], [65536], [0, 65536], [3, 70000, 70001],
              list(range(0, 30000, 3))]
    for _ in range(300):
        n = rng.choice((1, 2, 40, 600, 3000))
        spread = rng.choice((2, 300, 70000))
        shapes.append(sorted(set(rng.randint(0, spread * n) for _ in range(n))))
    for positions in shapes:
        raw = P.encode_gaps(positions)
        assert int.from_bytes(raw[:4], "big") == len(positions)  # whoosh reads the count
        assert P.decode_gaps(raw) == positions
    assert len(P.encode_gaps([1, 2, 3])) == 4 + 2 * 3  # no bigger than whoosh's pickle
    assert len(P.encode_gaps([1, 70000])) == 4 + 4 * 2


def test_adjacent_counts_are_those_of_the_set_definition():
    """Per document, how many starts p have word k at p + k: for phrases of
    two to four words, common and rare words, gaps past two bytes, and more
    documents than one batch holds."""
    rng = random.Random(2)
    for words in (2, 3, 4):
        docs = []
        for _ in range(P.BATCH + 37):
            size = rng.choice((20, 500, 15000))
            common = rng.random() < 0.7
            lists = [sorted(rng.sample(range(size), rng.randint(1, max(1, size // (2 if common else 40)))))
                     for _ in range(words)]
            if rng.random() < 0.05:
                lists = [sorted({*lst, 90000 + i}) for i, lst in enumerate(lists)]
            docs.append(lists)
        values = [[P.encode_gaps(doc[k]) for doc in docs] for k in range(words)]
        expected = [len(_adjacent_starts(doc)) for doc in docs]
        assert P.adjacent_counts(values) == expected
        assert any(expected) and not all(expected)


def test_a_phrase_at_the_very_start_is_counted_once():
    """Position 0 with later words right after it; a shifted key must never
    spill into the document before (keys are doc << 32 | position - k)."""
    docs = [[[5], [6]], [[0, 9], [1, 4]], [[0], [1]]]
    values = [[P.encode_gaps(doc[k]) for doc in docs] for k in range(2)]
    assert P.adjacent_counts(values) == [1, 1, 1]
