"""Photos with a survey: ``photo:`` per item, next to the YAML file or in the form's zip."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from signgen.audit.photos import photo_problem
from signgen.cli.main import main
from signgen.spec.model import Standard

SIZE = "plaque.party-committee-plaque.size"
AREA = "area.area-total"
PHOTO = f"photos/{SIZE}.jpg"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"


def survey_text(standard: Standard, photo: str = PHOTO) -> str:
    """A small survey: a failing plaque size with a photo, a passing area with a note."""
    info = standard.standard
    return "\n".join([
        "survey:", f'  standard: "{info.id}"', f'  edition: "{info.edition}"',
        '  community: {district: "东湖区", street: "百花洲街道", community: "彭家桥社区"}',
        "  origin: purchased", "items:",
        f"  {SIZE}:", "    measured: {height_cm: 50, width_cm: 75}",
        f'    photo: "{photo}"',
        f"  {AREA}:", "    measured_m2: 330", '    note: "见平面图"', ""])


def run(*args: str) -> tuple[int, str]:
    """``signgen`` with ``args``: exit status and what it printed."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_photo_next_to_the_yaml_survey_is_listed(standard: Standard, tmp_path: Path) -> None:
    """A photo in photos/ beside the survey is accepted and the report names it per item."""
    survey = tmp_path / "survey.yaml"
    survey.write_text(survey_text(standard), encoding="utf-8")
    (tmp_path / "photos").mkdir()
    (tmp_path / PHOTO).write_bytes(JPEG)
    status, out = run("audit", str(survey), "--format", "json")
    assert status == 1, out
    items = {i["id"]: i for i in json.loads(out)["items"]}
    assert items[SIZE]["photo"] == PHOTO and items[SIZE]["status"] == "fail"
    assert items[AREA]["photo"] is None and items[AREA]["note"] == "见平面图"
    status, text = run("audit", str(survey))
    assert f"照片: {PHOTO}" in text


def test_a_missing_photo_is_a_located_problem(standard: Standard, tmp_path: Path) -> None:
    """A photo the survey names but the folder lacks: exit 2, file, line, field, both texts."""
    survey = tmp_path / "survey.yaml"
    survey.write_text(survey_text(standard), encoding="utf-8")
    status, out = run("audit", str(survey))
    assert status == 2
    assert f"survey.yaml:9:5: items.{SIZE}.photo: 照片文件不存在:应在调查表所在的文件夹中有 " \
           f"{PHOTO},实为没有" in out
    status, out = run("audit", str(survey), "--lang", "en")
    assert f"expected the photo {PHOTO} in the survey's folder, got no such file" in out


@pytest.mark.parametrize("path", ["../secret.jpg", "/etc/x.jpg", "photos\\a.jpg",
                                  "photos//a.jpg", "C:/a.jpg", "./a.jpg"])
def test_a_photo_path_may_not_leave_the_survey_folder(path: str) -> None:
    """Absolute paths, backslashes, drives and climbing out are refused as written."""
    problem = photo_problem(path)
    assert problem is not None and "photos/<item id>.jpg" in problem.en


def test_a_photo_must_be_an_image_file() -> None:
    """A path that is not an image file (by its suffix) is refused, naming the suffixes."""
    problem = photo_problem("photos/a.txt")
    assert problem is not None and ".jpg" in problem.en and "'photos/a.txt'" in problem.en


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """A store-only zip as the form writes it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_audit_reads_the_forms_zip_with_its_photos(standard: Standard, tmp_path: Path) -> None:
    """``signgen audit audit.zip`` judges its survey.yaml and finds the photos inside."""
    bundle = write_zip(tmp_path / "audit.zip", {
        "survey.yaml": survey_text(standard).encode(), PHOTO: JPEG})
    status, out = run("audit", str(bundle), "--format", "json")
    assert status == 1, out
    items = {i["id"]: i for i in json.loads(out)["items"]}
    assert items[SIZE]["photo"] == PHOTO
    assert items[AREA]["status"] == "pass"


def test_a_photo_missing_from_the_zip_is_located_in_it(standard: Standard, tmp_path: Path
                                                       ) -> None:
    """Problems in a zipped survey name the zip and its member, then line and column."""
    bundle = write_zip(tmp_path / "audit.zip", {"survey.yaml": survey_text(standard).encode()})
    status, out = run("audit", str(bundle))
    assert status == 2
    assert f"audit.zip:survey.yaml:9:5: items.{SIZE}.photo: 照片文件不存在:应在压缩包中有" in out


def test_a_zip_without_survey_yaml_is_refused(tmp_path: Path) -> None:
    """A zip holding no survey.yaml: exit 2, saying what it holds instead."""
    bundle = write_zip(tmp_path / "other.zip", {"notes.txt": b"x"})
    status, out = run("audit", str(bundle))
    assert status == 2
    assert "other.zip: 压缩包中应有 survey.yaml,实为:notes.txt" in out
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    status, out = run("audit", str(broken))
    assert status == 2 and "broken.zip: 应为 zip 压缩包,无法读取" in out
