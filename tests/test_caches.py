"""caches.KeptFile: what is kept reads back equal, each get is the caller's own copy, and a
file written for another header or damaged counts as empty."""

from __future__ import annotations

import datetime as dt

from factcheck.caches import KeptFile


def kept(tmp_path, header=b"test 1\n"):
    return KeptFile(str(tmp_path / "kept.bin"), header, 10)


def test_a_value_is_kept_only_when_it_reads_back_equal(tmp_path):
    one = kept(tmp_path)
    one.add("plain", {"a": [1, 2.5, "x"]})
    one.add("nan", float("nan"))  # equals nothing, itself included
    one.add("date", dt.date(2024, 7, 1))  # marshal can't write it
    one.save()
    again = kept(tmp_path)
    assert set(again.raw) == {"plain"}
    first = again.get("plain")
    first["a"].append(3)
    assert again.get("plain") == {"a": [1, 2.5, "x"]}


def test_another_header_or_a_damaged_file_is_empty(tmp_path):
    one = kept(tmp_path)
    one.add("k", (1, 2))
    one.save()
    assert kept(tmp_path, b"test 2\n").raw == {}
    path = tmp_path / "kept.bin"
    data = bytearray(path.read_bytes())
    data[-2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert kept(tmp_path).raw == {}


def test_at_most_kept_entries_the_oldest_going_first(tmp_path):
    one = kept(tmp_path)
    for i in range(15):
        one.add(i, i)
    one.save()
    assert sorted(kept(tmp_path).raw) == list(range(5, 15))


def test_entries_a_run_reads_outlive_older_ones_it_does_not(tmp_path):
    one = kept(tmp_path)
    for i in range(10):
        one.add(i, i)
    one.save()
    two = kept(tmp_path)
    assert two.get(0) == 0 and two.get(1) == 1  # this run uses the two oldest
    for i in range(10, 13):
        two.add(i, i)  # three new ones push three entries out
    two.save()
    left = kept(tmp_path).raw
    assert sorted(left) == [0, 1, *range(5, 13)]
    assert list(left)[-5:] == [0, 1, 10, 11, 12]  # read, then added, at the end


def test_a_run_that_only_reads_leaves_the_file_alone(tmp_path):
    one = kept(tmp_path)
    one.add("a", 1)
    one.save()
    before = (tmp_path / "kept.bin").stat().st_mtime_ns
    two = kept(tmp_path)
    assert two.get("a") == 1
    if two.added:  # what the exit handler does
        two.save()
    assert (tmp_path / "kept.bin").stat().st_mtime_ns == before


def test_a_file_over_the_cap_is_cut_to_it_by_the_next_run(tmp_path):
    big = KeptFile(str(tmp_path / "kept.bin"), b"test 1\n", 30)
    for i in range(30):
        big.add(i, i)
    big.save()
    small = kept(tmp_path)  # kept=10
    assert small.added  # will be written at exit
    assert small.get(3) == 3
    small.save()
    left = kept(tmp_path).raw
    assert len(left) == 10 and 3 in left and list(left)[-1] == 3
