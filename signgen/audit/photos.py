"""Photos that go with a survey, and a survey delivered as one zip with its photos.

A survey item may name a photo (``photo: photos/plaque.name-sign.size.jpg``): a relative
path, inside the survey's folder or inside the zip the site's audit form exports
(``survey.yaml`` plus ``photos/<item id>.<ext>``). :func:`photo_problem` says what is wrong
with a path as written; :func:`load_survey_zip` reads such a zip for ``signgen audit``,
:func:`folder_photos` answers whether a photo exists next to a survey file.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from signgen.audit.texts import CATALOGUE
from signgen.errors import Problem, SigngenError
from signgen.messages import Msg
from signgen.spec.yamlsource import MAX_FILE_BYTES, Locator, parse_yaml

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif")
SURVEY_MEMBER = "survey.yaml"
# Photo paths are written by people as well as by the form: a long one is a mistake.
MAX_PHOTO_PATH = 200

PhotoCheck = Callable[[str], bool]


def photo_problem(path: str) -> Msg | None:
    """What is wrong with a photo path as written in a survey, or None when it is usable.

    A usable path is relative, uses ``/``, never climbs out of the survey's folder and
    ends in an image suffix.

    >>> photo_problem("photos/area.area-total.jpg") is None
    True
    >>> photo_problem("../x.jpg").en
    "expected a path inside the survey's folder, such as photos/<item id>.jpg, got '../x.jpg'"
    """
    parts = path.split("/")
    inside = (path and len(path) <= MAX_PHOTO_PATH and not path.startswith("/")
              and "\\" not in path and ":" not in path
              and all(part not in ("", ".", "..") for part in parts)
              and posixpath.normpath(path) == path)
    if not inside:
        return CATALOGUE.msg("err.photo-path", got=path[:60])
    if not path.lower().endswith(PHOTO_SUFFIXES):
        return CATALOGUE.msg("err.photo-suffix", suffixes=", ".join(PHOTO_SUFFIXES),
                             got=path[:60])
    return None


def checked_photo(path: str, exists: PhotoCheck | None, where: str = "") -> Msg | None:
    """What is wrong with a photo path (:func:`photo_problem`), or, when ``exists`` can
    tell, that it names no file there (``where``: the text key naming the place)."""
    problem = photo_problem(path)
    if problem is not None or exists is None or exists(path):
        return problem
    place = where or "err.photo-where-folder"
    zh, en = (CATALOGUE.say("err.photo-missing", lang, path=path,
                            where=CATALOGUE.say(place, lang)) for lang in ("zh", "en"))
    return Msg(zh, en)


def folder_photos(survey: Path) -> PhotoCheck:
    """Whether a photo path (already checked by :func:`photo_problem`) names a file in the
    folder of ``survey``."""
    folder = survey.parent
    return lambda path: (folder / path).is_file()


def is_survey_zip(path: Path) -> bool:
    """True for a zip file (by its content, whatever its name)."""
    try:
        return path.is_file() and zipfile.is_zipfile(path)
    except OSError:
        return False


def load_survey_zip(path: Path) -> tuple[Any, Locator, PhotoCheck]:
    """The survey inside a zip (its ``survey.yaml``), a locator for its values (problems
    read ``audit.zip:survey.yaml:12:5: ...``) and whether a photo is in the zip.

    Raises:
        SigngenError: not a readable zip, no ``survey.yaml`` in it, or the survey too large,
            not UTF-8 or not valid YAML.
    """
    name = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist() if not info.is_dir()}
            info = members.get(SURVEY_MEMBER)
            if info is None:
                raise SigngenError([Problem(name, 0, 0, "", CATALOGUE.msg(
                    "err.zip-survey", member=SURVEY_MEMBER,
                    got=", ".join(sorted(members)[:5]) or "-"))])
            if info.file_size > MAX_FILE_BYTES:
                raise SigngenError([Problem(name, 0, 0, SURVEY_MEMBER, CATALOGUE.msg(
                    "err.zip-large", most=MAX_FILE_BYTES, got=info.file_size))])
            raw = archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise SigngenError([Problem(name, 0, 0, "", CATALOGUE.msg(
            "err.zip", got=str(error)[:80]))]) from None
    display = f"{name}:{SURVEY_MEMBER}"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SigngenError([Problem(display, line, 0, "", f"expected UTF-8 text, got byte "
                                    f"0x{raw[exc.start]:02x}")]) from None
    data, locator = parse_yaml(text.removeprefix("\ufeff"), display)
    photos = set(members)
    return data, locator, photos.__contains__


__all__ = ["MAX_PHOTO_PATH", "PHOTO_SUFFIXES", "SURVEY_MEMBER", "PhotoCheck", "checked_photo",
           "folder_photos", "is_survey_zip", "load_survey_zip", "photo_problem"]
