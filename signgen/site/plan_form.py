"""The plan check page: a contractor's plan entered (or loaded from Excel) and checked in the
browser, with the verdicts of ``signgen check-plan``.

The build writes, for each standard with room functions, the check data of
:func:`signgen.contractor.export.plan_data` (what the browser engine ``signgen-plan.js``
judges with; ``plan-check/plan-data.json``, beside the page as the audit form's data is), the
Excel template of :func:`signgen.contractor.plan_template.plan_template_xlsx` (a download per
language), and one page per language, whose front matter names its scripts and stylesheet
(the theme loads them, as for the audit form). The page holds a configuration for the form
(``signgen-plan-form.js``): the drop-down lists of the template (:func:`plan_lists`), the
community's fields, the workbook's layout for the in-browser Excel reader (the same sheet
titles, headers and messages as :mod:`signgen.contractor.plan_xlsx`), and the interface's
words in the page's language. No standard's text is written here: it all comes from the spec.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from signgen.communities.identity import community_fields, key_fields
from signgen.contractor.export import ENGINE_SCRIPTS, plan_data
from signgen.contractor.plan_sheets import HEADERS, NOTES, SHEETS
from signgen.contractor.plan_template import plan_lists, plan_template_xlsx
from signgen.contractor.plan_xlsx import _HEADER_ROWS, XLSX
from signgen.fonts.book import FontBook
from signgen.messages import LEVEL, REPORT, Catalogue
from signgen.output.report import STATUS_MARKS
from signgen.site.audit_form import data_link, data_uri, front_matter
from signgen.site.plaque_pages import Assets
from signgen.site.raw_blocks import raw_block
from signgen.site.templating import Md
from signgen.site.urls import LANGS, Where
from signgen.spec.model import Standard

if TYPE_CHECKING:
    from signgen.site.pages import PageSet

__all__ = ["UI", "PlanFormFiles", "plan_check_page", "plan_form_config", "plan_form_files",
           "plan_json"]

# The scripts the page loads, in order (theme assets, named in the page's front matter): the
# engine's, the workbook reader, the form; and its stylesheet.
SCRIPTS = (*ENGINE_SCRIPTS, "signgen-xlsx.js", "signgen-plan-workbook.js", "signgen-plan-input.js",
           "signgen-plan-report.js", "signgen-plan-form.js")
STYLES = ("signgen-plan-form.css",)
DATA_NAME = "plan-data.json"  # beside the Chinese page, for both languages

# The form's interface words: {key: (Chinese, English)}; placeholders as in str.format.
UI = Catalogue({
    "title": ("方案检查", "Plan check"),
    "intro": ("逐间填写装修方案的房间（或载入用 Excel 模板填好的方案），本页即时给出与 "
              "`signgen check-plan` 相同的检查结果；可下载方案文件和标牌清单，打印 A4 报告。"
              "所填内容只保存在本浏览器中，不发送到任何地方。",
              "Enter the renovation plan room by room (or load a plan filled in the Excel "
              "template): the page gives the verdicts of `signgen check-plan` as you type; "
              "download the plan file and the sign schedule, print an A4 report. What you "
              "enter stays in this browser and is sent nowhere."),
    "noscript": ("本页的方案检查需要 JavaScript；也可下载 Excel 模板，填好后用 "
                 "`signgen check-plan plan.xlsx` 检查。",
                 "The plan check on this page needs JavaScript; or download the Excel "
                 "template, fill it in and run `signgen check-plan plan.xlsx`."),
    "template": ("Excel 模板", "Excel template"),
    "load": ("载入 Excel 方案", "Load an Excel plan"),
    "loaded": ("已载入 {file}:{rooms} 个房间", "Loaded {file}: {rooms} room(s)"),
    "load_failed": ("无法载入:{message}", "Not loaded: {message}"),
    "download_plan": ("下载方案文件(YAML)", "Download the plan file (YAML)"),
    "download_schedule": ("下载标牌清单(CSV)", "Download the sign schedule (CSV)"),
    "schedule_unknown": ("标牌清单:{message}", "Sign schedule: {message}"),
    "schedule_cli": ("标牌清单无法在本页算出:请下载方案文件,运行 "
                     "`signgen schedule plan.yaml -o signs.csv`。",
                     "The sign schedule cannot be made on this page: download the plan file "
                     "and run `signgen schedule plan.yaml -o signs.csv`."),
    "print": ("打印报告", "Print the report"),
    "clear": ("清空", "Clear"),
    "clear_confirm": ("清空本页填写的全部内容?", "Clear everything entered on this page?"),
    "general": (SHEETS.say("general", "zh"), SHEETS.say("general", "en")),
    "rooms": (SHEETS.say("rooms", "zh"), SHEETS.say("rooms", "en")),
    "windows": (HEADERS.say("windows", "zh"), HEADERS.say("windows", "en").capitalize()),
    "boards": (HEADERS.say("boards", "zh"), HEADERS.say("boards", "en").capitalize()),
    "room_n": ("房间 {n}", "Room {n}"),
    "add_room": ("添加房间", "Add a room"),
    "add_function": ("添加功能", "Add a function"),
    "add_window": ("添加窗口", "Add a window"),
    "add_board": ("添加宣传栏", "Add a board"),
    "remove": ("删除", "Remove"),
    "pick": (NOTES.say("pick_title", "zh"), NOTES.say("pick_title", "en")),
    "not_listed": ("(不在列表中)", "(not in the list)"),
    "boards_empty": (NOTES.say("boards_empty", "zh"), NOTES.say("boards_empty", "en")),
    "verdict": ("检查结果", "Verdict"),
    "problems": ("方案有误,未检查(check-plan 同样报告这些问题,退出码 2):",
                 "The plan has problems and was not checked (check-plan reports the same, "
                 "exit 2):"),
    "no_rooms": ("尚未填写房间。", "No room entered yet."),
    "engine_missing": ("检查引擎未能载入,无法检查:{message}",
                       "The check engine did not load; nothing can be checked: {message}"),
    "draft_kept": ("草稿已保存在本浏览器中(重新打开本页即可继续)。",
                   "Draft kept in this browser (open this page again to go on)."),
    "no_storage": ("此浏览器不能保存草稿(存储不可用或被禁止):关闭或刷新页面后所填内容将丢失,"
                   "请下载方案文件保存。",
                   "This browser cannot keep a draft (storage is unavailable or blocked): "
                   "what you enter is lost when the page is closed or reloaded; download the "
                   "plan file to keep it."),
    "community": ("社区", "Community"),
    "signature": ("签字", "Signature"),
    "date": ("日期", "Date"),
    "cli_same": ("用 `signgen check-plan` 检查下载的方案文件,结果与本页相同。",
                 "`signgen check-plan` on the downloaded plan file gives the same verdicts."),
})


@dataclass(frozen=True)
class PlanFormFiles:
    """Where a standard's plan check files are (site source paths)."""

    data: str  # the check data (JSON) the engine judges with
    templates: dict[str, str]  # lang -> the Excel template in that language


def plan_form_files(standard: Standard, where: Where, assets: Assets,
                    fonts: FontBook | None = None) -> PlanFormFiles:
    """Add the check data (beside the Chinese page, as the audit form's) and the Excel
    templates (downloads) of ``standard`` to the site (``fonts``: those the schedule's
    copy-fit uses, as ``signgen schedule`` finds them)."""
    from signgen.site.pages import STANDARD_PAGES

    data_file = assets.add(data_uri(where.page(LANGS[0], STANDARD_PAGES["plan_check"]),
                                    DATA_NAME), plan_json(standard, fonts))
    templates = {lang: assets.add(where.download(
        "plan-template.xlsx" if lang == LANGS[0] else f"plan-template.{lang}.xlsx"),
        plan_template_xlsx(standard, lang)) for lang in LANGS}
    return PlanFormFiles(data_file, templates)


def plan_json(standard: Standard, fonts: FontBook | None = None) -> str:
    """The check data file the page's engine reads: :func:`plan_data` as compact JSON."""
    return json.dumps(plan_data(standard, fonts=fonts), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def _pair(catalogue: Catalogue, key: str) -> list[str]:
    zh, en = catalogue.texts[key]
    return [zh, en]


def plan_form_config(standard: Standard, lang: str, page_uri: str, files: PlanFormFiles
                     ) -> dict[str, Any]:
    """The form's configuration for one page: lists, fields, workbook layout and words."""
    fields = [{"id": f.id, "label": f.label if lang == "zh" else f"{f.label_en} ({f.label})",
               "choices": list(f.choices)} for f in community_fields(standard)]
    return {
        "standard": standard.id,
        "lang": lang,
        "data": data_link(page_uri, files.data),
        "draft_key": f"signgen.plan-draft.{standard.id}",
        "lists": plan_lists(standard),
        "labels": _option_labels(standard, lang),
        "fields": fields,
        "name_fields": [f.id for f in key_fields(standard)],
        "headers": {key: _capital(HEADERS.say(key, lang)) for key in HEADERS.texts},
        "workbook": {
            "sheets": {key: _pair(SHEETS, key) for key in SHEETS.texts},
            "headers": {key: _pair(HEADERS, key) for key in HEADERS.texts},
            "header_rows": _HEADER_ROWS,
            "messages": {key: XLSX.texts[key][0 if lang == "zh" else 1]
                         for key in XLSX.texts},
        },
        "report": {key: REPORT.texts[key][0 if lang == "zh" else 1] for key in REPORT.texts},
        "marks": dict(STATUS_MARKS),
        "levels": {key: LEVEL.say(key, lang) for key in LEVEL.texts},
        "ui": {key: UI.say(key, lang) if "{" not in UI.texts[key][0] else
               UI.texts[key][0 if lang == "zh" else 1] for key in UI.texts},
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _option_labels(standard: Standard, lang: str) -> dict[str, str]:
    """How a drop-down shows each name of the lists: the name itself in Chinese; in English
    the name (what the plan file holds) with the item's English name."""
    if lang == "zh":
        return {}
    labels: dict[str, str] = {}
    named: list[Any] = [*standard.zones, *standard.origins, *standard.window_categories,
                        *standard.boards]
    for item in named:
        labels.setdefault(item.name, f"{item.name} ({item.name_en})")
    for function in standard.functions:
        for name in function.standard_names:
            labels.setdefault(name, f"{name} ({function.name_en})")
    return labels


def _script_json(value: Any) -> str:
    """JSON to sit inside ``<script type="application/json">``: no ``</script>`` can end it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def plan_check_page(pages: PageSet, lang: str, files: PlanFormFiles) -> str:
    """The plan check page in ``lang``: intro, downloads, and the form the scripts fill in."""
    from signgen.site.pages import _render

    uri = pages.uri("plan_check", lang)
    config = plan_form_config(pages.std, lang, uri, files)
    html = ['<div class="sg-plan" id="sg-plan" data-config="sg-plan-config">',
            f'<noscript><p>{_inline_code(UI.say("noscript", lang))}</p></noscript>',
            "</div>",
            f'<script type="application/json" id="sg-plan-config">{_script_json(config)}'
            "</script>"]
    return _render(pages, "plan-check.md.j2", "plan_check", lang,
                   front_matter=front_matter(SCRIPTS, STYLES),
                   title=UI.say("title", lang), intro=Md(UI.say("intro", lang)),
                   downloads=[(UI.say("template", lang), files.templates[lang])],
                   body=Md(raw_block("\n".join(html))))


def _inline_code(text: str) -> str:
    """Text as HTML, each `span` in backticks as code.

    >>> _inline_code("run `a <b>` now")
    'run <code>a &lt;b&gt;</code> now'
    """
    parts = html.escape(text, quote=False).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
