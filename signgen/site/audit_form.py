"""The audit form in the site: fill a survey on a phone, verdicts live, export for the CLI.

A page with a form holds one ``<div class="sg-audit-form">`` (made by :func:`form_block`)
and, next to it, the judge data of its community (:func:`form_data`, made by
:func:`signgen.audit.export.audit_data`, the one export the browser judge reads). The
browser builds the items from that data (``signgen-audit-form.js``), judges them with
``signgen-audit.js`` (the CLI's rules), keeps the draft in the browser and exports the
survey ``signgen audit`` reads, with the photos, as one zip. The page's words are here,
in both languages; the verdicts' words come with the data.

A page with a form names the form's scripts and styles in its front matter
(:func:`front_matter`): the theme (``main.html``) loads them on those pages only.

The template community (names to fill in) has a page of its own in each standard's audit
section; every community page of a communities file gets the form for that community.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from signgen.audit.export import ENGINE_SCRIPTS, audit_data, audit_json
from signgen.audit.texts import SHEET_LABELS
from signgen.site.raw_blocks import raw_block
from signgen.site.role_pages import site_root
from signgen.site.templating import Md, render
from signgen.spec.model import Standard

if TYPE_CHECKING:
    from signgen.site.pages import PageSet
    from signgen.site.plaque_pages import Assets

DATA_NAME = "audit-data.json"
# What a page with a form loads (theme assets, in order): the judge engine, then the form.
FORM_SCRIPTS = (*ENGINE_SCRIPTS, "signgen-zip.js", "signgen-audit-store.js",
                "signgen-audit-form.js", "signgen-audit-form-items.js")
FORM_STYLES = ("signgen-audit-form.css",)
STORAGE_PREFIX = "signgen-audit"
# How a photo is kept in the browser and exported: longest side and JPEG quality. A phone
# photo of 2-5 MB becomes a few hundred KB, enough to read a plaque's text and colours.
PHOTO_MAX_PX = 1600
PHOTO_QUALITY = 0.85

# The form's own interface words (the sheet's words, SHEET_LABELS, are used beside them).
FORM_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "loading": "正在载入核查项目……", "noscript": "在线核查表需启用 JavaScript;也可打印"
        "现场核查表或下载调查表(signgen audit-template)。",
        "load-failed": "核查项目未能载入:{error}",
        "origin-choose": "(请选择)", "origin-fixed": "按社区名单",
        "clause": "条款", "filter": "显示", "filter-all": "全部", "filter-open": "未填写",
        "filter-fail": "不合格",
        "pass": "合格", "fail": "不合格", "na": "不适用", "clear": "清除",
        "height": "高(cm)", "width": "长/宽(cm)", "photo": "照片", "take-photo": "拍照或选择照片",
        "remove-photo": "删除照片", "rule-page": "条文与说明",
        "export-zip": "导出调查表和照片(zip)", "export-yaml": "仅导出调查表(survey.yaml)",
        "print": "打印报告(A4)", "reset": "清空本社区的草稿",
        "reset-confirm": "清空本社区已填写的全部内容和照片?此操作不能撤销。",
        "saved": "草稿已保存在本浏览器中(关闭页面后仍在)。",
        "no-storage": "此浏览器不允许保存草稿(隐私模式或已禁用网站存储):关闭或刷新页面会丢失"
        "已填写的内容,请及时导出。",
        "no-photo-storage": "此浏览器不能保存照片(IndexedDB 不可用):照片只保留到关闭页面,"
        "请及时导出。",
        "photo-failed": "照片未能保存:{error}",
        "export-hint": "导出的 zip 内有 survey.yaml 和 photos/<项目编号>.jpg;在电脑上运行 "
        "signgen audit 文件.zip 得到与本页相同的判定。",
        "score": "必须项", "advisory": "建议、鼓励与示例项",
        "problems": "{n} 处填写有误(见各项),这些值按未填写判定",
        "export-blocked": "{n} 处填写有误,signgen audit 不会接受,请先改正再导出:{items}",
        "incomplete": "核查未完成(INCOMPLETE)",
    },
    "en": {
        "loading": "Loading the audit items...", "noscript": "The audit form needs JavaScript; "
        "print the audit sheet or download a survey (signgen audit-template) instead.",
        "load-failed": "The audit items could not be loaded: {error}",
        "origin-choose": "(choose)", "origin-fixed": "from the communities list",
        "clause": "Clause", "filter": "Show", "filter-all": "all", "filter-open": "not filled",
        "filter-fail": "failed",
        "pass": "pass", "fail": "fail", "na": "n/a", "clear": "clear",
        "height": "Height (cm)", "width": "Length/width (cm)", "photo": "Photo",
        "take-photo": "Take or choose a photo", "remove-photo": "Remove the photo",
        "rule-page": "Clause and explanation",
        "export-zip": "Export the survey and photos (zip)",
        "export-yaml": "Export the survey only (survey.yaml)", "print": "Print the report (A4)",
        "reset": "Clear this community's draft",
        "reset-confirm": "Clear everything filled in for this community, photos too? This "
        "cannot be undone.",
        "saved": "Draft kept in this browser (it survives closing the page).",
        "no-storage": "This browser keeps no drafts (private mode or site storage disabled): "
        "closing or reloading the page loses what you filled in; export it in time.",
        "no-photo-storage": "This browser cannot keep photos (no IndexedDB): they last until "
        "the page is closed; export in time.",
        "photo-failed": "The photo could not be kept: {error}",
        "export-hint": "The zip holds survey.yaml and photos/<item id>.jpg; on a computer, "
        "signgen audit FILE.zip gives the verdicts this page shows.",
        "score": "Required items",
        "advisory": "Recommended, encouraged and example items",
        "problems": "{n} value(s) could not be read (see the items); they count as empty",
        "export-blocked": "{n} value(s) could not be read, and signgen audit would refuse "
        "them; put them right before exporting: {items}",
        "incomplete": "INCOMPLETE",
    },
}


def front_matter(scripts: Sequence[str] = FORM_SCRIPTS, styles: Sequence[str] = FORM_STYLES
                 ) -> Md:
    """The front matter lines of a page with a form: the theme (``main.html``) loads these
    scripts and styles on that page only (JSON lists are YAML)."""
    return Md(f"signgen_scripts: {json.dumps(list(scripts))}\n"
              f"signgen_styles: {json.dumps(list(styles))}")


def data_uri(page_uri: str, name: str = DATA_NAME) -> str:
    """Where a page's judge data sits: beside the page's own folder (directory URLs).

    >>> data_uri("audit-form.md"), data_uri("communities/a b.md")
    ('audit-form/audit-data.json', 'communities/a b/audit-data.json')
    """
    return f"{page_uri.removesuffix('.md')}/{name}"


def data_link(page_uri: str, uri: str) -> str:
    """The link from a page (directory URLs) to a file of the site, percent-encoded.

    >>> data_link("en/audit-form.md", "audit-form/audit-data.json")
    '../../audit-form/audit-data.json'
    """
    return quote(site_root(page_uri) + uri, safe="/.")


def storage_key(standard: Standard, community: tuple[str, ...]) -> str:
    """The browser storage key of one community's draft: standard, edition, community
    (drafts of another edition or community never mix).

    >>> from types import SimpleNamespace as N
    >>> storage_key(N(standard=N(id="s", edition="1")), ("东湖区", "x社区"))
    'signgen-audit/s/1/["东湖区","x社区"]'
    """
    info = standard.standard
    return (f"{STORAGE_PREFIX}/{info.id}/{info.edition}/"
            f"{json.dumps(list(community), ensure_ascii=False, separators=(',', ':'))}")


def form_data(standard: Standard, values: Mapping[str, str], origin: str | None = None) -> bytes:
    """The judge data of one community as the JSON file beside its form (compact, UTF-8)."""
    return audit_json(audit_data(standard, dict(values), None, origin)).encode("utf-8")


def form_block(standard: Standard, lang: str, page_uri: str, data_file: str, *,
               community: tuple[str, ...], title: str, origin: str | None) -> str:
    """The form's HTML (a raw block): its settings as attributes, its words as JSON, a
    message for browsers without JavaScript. ``origin`` set: the communities file fixed it."""
    labels = {**SHEET_LABELS["zh" if lang != "en" else "en"],
              **FORM_LABELS["zh" if lang != "en" else "en"]}
    attrs = {
        "class": "sg-audit-form", "id": "sg-audit-form", "lang": lang,
        "data-audit-data": data_link(page_uri, data_file),
        "data-site-root": site_root(page_uri),
        "data-storage-key": storage_key(standard, community),
        "data-community": title, "data-origin": origin or "",
        "data-photo-max-px": str(PHOTO_MAX_PX), "data-photo-quality": str(PHOTO_QUALITY),
        "data-labels": json.dumps(labels, ensure_ascii=False, sort_keys=True),
    }
    shown = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())
    return raw_block("\n".join([
        f"<div {shown}>",
        f'<p class="sg-af-loading">{html.escape(labels["loading"])}</p>',
        f"<noscript><p>{html.escape(labels['noscript'])}</p></noscript>",
        "</div>"]))


def template_form_page(pages: PageSet, assets: Assets, lang: str) -> str:
    """The template community's form page (names to fill in) in ``lang``; its judge data
    is added to ``assets`` once, beside the Chinese page, for both languages."""
    uri = pages.uri("audit_form", lang)
    data_file = data_uri(pages.uri("audit_form", "zh"))
    if data_file not in assets.files:
        assets.add(data_file, form_data(pages.std, {}))
    zh = lang != "en"
    block = form_block(pages.std, lang, uri, data_file, community=(), title="", origin=None)
    return render("audit-form.md.j2", lang=lang, page_uri=uri, form=Md(block),
                  front_matter=front_matter(),
                  sheet_uri=pages.uri("audit_sheet", lang),
                  title="在线核查" if zh else "Audit form")


def community_form(pages: PageSet, assets: Assets, page_uri: str, lang: str, *,
                   values: Mapping[str, str], community: tuple[str, ...], title: str,
                   origin: str | None) -> str:
    """The form for one community of a communities file, for its page ``page_uri``; the
    judge data goes beside the Chinese page (once for both languages)."""
    zh_page = page_uri.removeprefix("en/") if lang == "en" else page_uri
    data_file = data_uri(zh_page)
    if data_file not in assets.files:
        assets.add(data_file, form_data(pages.std, values, origin))
    return form_block(pages.std, lang, page_uri, data_file, community=community, title=title,
                      origin=origin)


__all__ = ["DATA_NAME", "FORM_LABELS", "FORM_SCRIPTS", "FORM_STYLES", "community_form",
           "data_link", "data_uri", "form_block", "form_data", "front_matter", "storage_key",
           "template_form_page"]
