"""One community identity: key, display name and folder name, for batch and site alike."""

from __future__ import annotations

from pathlib import Path

from signgen.communities.identity import (
    CommunityIdentity,
    FolderNames,
    community_identity,
    folder_base,
)
from signgen.communities.rows import CommunityRow, RowProblem, read_communities
from signgen.spec.model import Standard

HEADER = "district,street,community,party_org"


def test_identity_comes_from_the_key_fields(standard: Standard) -> None:
    """The key fields (district, street, community) name a community; party_org does not."""
    identity = community_identity(standard, {"district": "东湖区", "street": "百花洲街道",
                                             "community": "彭家桥社区", "party_org": "党支部"})
    assert identity.values == ("东湖区", "百花洲街道", "彭家桥社区")
    assert identity.name == "东湖区-百花洲街道-彭家桥社区"
    assert identity.title == "东湖区 百花洲街道 彭家桥社区"
    assert identity.folder == "东湖区-百花洲街道-彭家桥社区"


def test_zero_width_and_full_width_twins_are_one_community(tmp_path: Path,
                                                           standard: Standard) -> None:
    """Names differing only by a zero-width space or a full-width letter are the same
    community: the later row is a located duplicate, so no two folders look identical."""
    path = tmp_path / "c.csv"
    path.write_text(f"{HEADER}\n东湖区,百花洲街道,A栋社区,党支部\n"
                    "东湖区,百花洲街道,Ａ栋\u200b社区,党支部\n", encoding="utf-8")
    rows = list(read_communities(path, standard))
    assert isinstance(rows[0], CommunityRow) and isinstance(rows[1], RowProblem)
    assert "again (first on line 2)" in str(rows[1]) and str(rows[1]).startswith("c.csv:3:")


def test_folder_names_fit_in_255_bytes_with_zip_and_suffix() -> None:
    """A 300-character Chinese name gives a folder whose .zip and -row suffix fit 255 bytes."""
    names = FolderNames()
    long = CommunityIdentity(("区", "街道", "社" * 300))
    first = names.take(long, 2)
    second = names.take(long, 123456)
    assert second == first + "-row123456"
    for name in (first, second):
        assert len(f"{name}.zip".encode()) <= 255
    assert folder_base("a\u200bb\ufeffc") == "abc"


def test_folder_names_never_repeat_case_insensitively() -> None:
    """Names equal but for case, or made equal by unsafe characters, get -row<line>."""
    names = FolderNames()
    assert names.take(CommunityIdentity(("甲", "A/B")), 2) == "甲-A_B"
    assert names.take(CommunityIdentity(("甲", "a:b")), 5) == "甲-a_b-row5"
    assert names.take(CommunityIdentity(("summary.json",)), 9) == "summary.json-row9"


def test_batch_and_site_name_folders_alike(tmp_path: Path, standard: Standard) -> None:
    """The batch's folders and the site's community slugs are the same names, clashes too."""
    from signgen.batch.run import Task, assign_folders
    from signgen.site.community_pages import community_slugs

    path = tmp_path / "c.csv"
    path.write_text(f"{HEADER}\n东湖区,百花洲街道,A/B社区,党支部\n"
                    "东湖区,百花洲街道,A:B社区,党支部\n东湖区,百花洲街道,团结社区,党支部\n",
                    encoding="utf-8")
    rows = [r for r in read_communities(path, standard) if isinstance(r, CommunityRow)]
    batch = [t.folder for t in assign_folders(rows) if isinstance(t, Task)]
    assert batch == community_slugs(rows) == [
        "东湖区-百花洲街道-A_B社区", "东湖区-百花洲街道-A_B社区-row3", "东湖区-百花洲街道-团结社区"]
