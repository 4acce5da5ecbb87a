"""The memo on disk for slow pure functions: used only inside a block, kept to what a run used."""

from __future__ import annotations

from pathlib import Path

import pytest

from signgen.output.memo import memoized, persisted

CALLS: list[str] = []


@memoized
def shout(text: str, *, times: int = 1) -> str:
    """A pure function that records each real call."""
    CALLS.append(text)
    return text.upper() * times


@pytest.fixture(autouse=True)
def _no_calls() -> None:
    CALLS.clear()


def test_outside_a_block_the_function_just_runs() -> None:
    """Without a memo file every call computes."""
    assert shout("a") == "A" and shout("a") == "A"
    assert CALLS == ["a", "a"]


def test_a_later_run_reads_results_from_the_file(tmp_path: Path) -> None:
    """A result computed in one block is read, not computed, in the next; keyword
    arguments are part of the key."""
    memo = tmp_path / "memo.marshal"
    with persisted(memo):
        assert shout("社区") == "社区"
        assert shout("b", times=2) == "BB"
        assert shout("b", times=2) == "BB"
    assert CALLS == ["社区", "b"]
    with persisted(memo):
        assert shout("b", times=2) == "BB"
        assert shout("b", times=3) == "BBB"
    assert CALLS == ["社区", "b", "b"]


def test_the_file_keeps_only_what_the_last_run_used(tmp_path: Path) -> None:
    """Entries a run did not use are dropped when it writes the file."""
    memo = tmp_path / "memo.marshal"
    with persisted(memo):
        shout("old")
        shout("kept")
    with persisted(memo):
        shout("kept")
    with persisted(memo):
        shout("old")
        shout("kept")
    assert CALLS == ["old", "kept", "old"]


def test_a_damaged_file_is_an_empty_memo(tmp_path: Path) -> None:
    """Garbage in the memo file means computing again, then a good file."""
    memo = tmp_path / "memo.marshal"
    memo.write_bytes(b"\x00not marshal")
    with persisted(memo):
        assert shout("x") == "X"
    with persisted(memo):
        assert shout("x") == "X"
    assert CALLS == ["x"]


def test_a_failing_block_writes_nothing(tmp_path: Path) -> None:
    """An exception inside the block leaves the file as it was (here: absent)."""
    memo = tmp_path / "memo.marshal"
    with pytest.raises(ValueError), persisted(memo):
        shout("y")
        raise ValueError("stop")
    assert not memo.exists()


def test_blocks_do_not_nest(tmp_path: Path) -> None:
    """A second memo inside the first is refused."""
    with persisted(tmp_path / "a"), pytest.raises(RuntimeError), persisted(tmp_path / "b"):
        pass
