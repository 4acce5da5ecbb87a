"""Every text the audit shows a person, Chinese and English: ``{key: (zh, en)}``, in a
:class:`~signgen.messages.Catalogue`.

Interface words only (how signgen speaks), never the standard's words: those come from the
spec. :func:`t` picks the language (Chinese unless ``lang`` is ``en``) and fills ``{names}``.
The number and result readers keep their own texts in :mod:`signgen.spec.values`.
"""

from __future__ import annotations

from signgen.messages import Catalogue

LANGS = ("zh", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # statuses, levels, verdicts
    "status.pass": ("合格", "pass"),
    "status.fail": ("不合格", "fail"),
    "status.na": ("不适用", "not applicable"),
    "status.unchecked": ("未核查", "not checked"),
    "heading.fail": ("不合格", "Failed"),
    "heading.pass": ("合格", "Passed"),
    "heading.unchecked": ("未核查", "Not checked"),
    "heading.na": ("不适用", "Not applicable"),
    "heading.advisory": ("建议、鼓励与示例项(不影响结论)",
                         "Recommended, encouraged and example items (never fail the audit)"),
    "level.required": ("必须", "required"),
    "level.recommended": ("建议", "recommended"),
    "level.examples": ("示例", "examples"),
    "level.encouraged": ("鼓励", "encouraged"),
    "level.project": ("项目自设", "the project's own"),
    "verdict.fail": ("结论:不合格,{n} 项必须项不合格", "VERDICT: NOT COMPLIANT, {n} required "
                     "items failed"),
    "verdict.incomplete": ("结论:核查未完成(INCOMPLETE),{n} 项适用的必须项未填写",
                           "VERDICT: INCOMPLETE, {n} applicable required items left empty"),
    "verdict.also-incomplete": ("另有 {n} 项适用的必须项未填写,核查未完成",
                                "also INCOMPLETE: {n} applicable required items left empty"),
    "verdict.no-origin": ("未记录用房来源(origin),与来源有关的项目无法判定",
                          "the premises' origin is not recorded: items that depend on it "
                          "cannot be judged"),
    "verdict.pass": ("结论:合格,核查完整", "VERDICT: COMPLIANT and complete"),
    # report frame
    "report.title": ("核查报告:{community}", "Audit report: {community}"),
    "report.unnamed": ("(未写社区名称)", "(community not named)"),
    "report.standard": ("标准", "Standard"),
    "report.standard-value": ("{title}({id},第 {edition} 版)", "{title} ({id}, edition "
                              "{edition})"),
    "report.survey": ("调查表", "Survey"),
    "report.auditor": ("核查人", "Auditor"),
    "report.date": ("日期", "Date"),
    "report.origin": ("用房来源", "Origin"),
    "report.origin-unknown": ("未记录", "not recorded"),
    "report.score": ("必须项", "Required items"),
    "report.advisory": ("建议、鼓励与示例项", "Recommended, encouraged and example items"),
    "report.clause": ("条款", "clause"),
    "report.note": ("备注", "note"),
    "report.item": ("项目", "Item"),
    "report.status": ("结果", "Status"),
    "report.finding": ("结果说明", "Finding"),
    "score": ("合格 {passed} / 已核查 {checked};已核查 {checked} / 适用 {total} 项"
              "(不适用 {na} 项)",
              "passed {passed} / checked {checked}; checked {checked} / {total} applicable "
              "items ({na} not applicable)"),
    "score.advisory": ("合格 {passed} / {total}(不合格也不影响结论)",
                       "{passed} / {total} passed (none of them fails the audit)"),
    "footer": ("文字比较时忽略空白,全角标点按半角读。signgen 判定记录的数值;核查人判为不合格的"
               "不会被改为合格,核查人判为合格而数值超出允许范围的判为不合格。允许偏差为项目默认值,"
               "不是标准的规定。退出码:0 合格且完整,1 有不合格项,2 输入有误,3 无不合格项但未完成。",
               "Observed text is compared without whitespace, full-width punctuation read as "
               "half-width. signgen judges recorded values; an auditor's fail is never turned "
               "into a pass, and an auditor's pass on values out of tolerance becomes a fail. "
               "Tolerances are project defaults, not part of the standard. Exit status: 0 "
               "compliant and complete, 1 something failed, 2 bad input, 3 nothing failed "
               "but incomplete."),
    # findings
    "by-auditor": ("核查人判定:{result}", "{result} by the auditor"),
    "room": (";所在房间:{room}", "; room: {room}"),
    "not-checked": ("未核查", "not checked"),
    "auditor-fail-stands": ("核查人判为不合格,以核查人为准(记录的数值在允许范围内:{msg})",
                            "the auditor's fail stands (the recorded values are within "
                            "tolerance: {msg})"),
    "auditor-pass-overruled": ("{msg};核查人判为{result},但记录的数值不符合要求,判为不合格",
                               "{msg}; the auditor wrote {result}, but the recorded values "
                               "are out of tolerance: fail"),
    "auditor-na-stands": ("核查人判为不适用(记录的数值符合要求:{msg})",
                          "not applicable by the auditor (the recorded values meet the "
                          "requirement: {msg})"),
    "both-agree": ("{msg}(核查人判定相同)", "{msg} (the auditor agrees)"),
    "area": ("实测 {got} m²,要求 ≥ {min} m²{tol}", "measured {got} m², required "
             "≥ {min} m²{tol}"),
    "size.both": ("实测 {measured} cm,要求 {required} cm{tol}(高 × 长)",
                  "measured {measured} cm, required {required} cm{tol} (height × width)"),
    "size.one": ("实测{what} {got} cm,要求 {required} cm{tol}",
                 "measured {what} {got} cm, required {required} cm{tol}"),
    "size.height": ("高", "height"),
    "size.width": ("长", "width"),
    "tolerance": (" ± {value} {unit}(项目默认值)", " ± {value} {unit} (project default)"),
    "tolerance.marked": ("{value}(项目默认值)", "{value} (project default)"),
    "text": ("所见“{observed}”,要求“{required}”", "observed “{observed}”, required "
             "“{required}”"),
    "text.rule": ("(比较时忽略空白,全角标点按半角读)", " (compared without whitespace, "
                  "full-width punctuation read as half-width)"),
    "quantity": ("实测 {value} {unit},要求 {required}", "measured {value} {unit}, required "
                 "{required}"),
    "face.named": ("{label}:{observed},属于{name}", "{label}: {observed} is {name}"),
    "face.substitute": ("{label}:{observed} 是本项目的替代字体(项目默认值),不是{name}本身",
                        "{label}: {observed} is the project's substitute for {name} (a "
                        "project default), not {name} itself"),
    "face.wrong": ("{label}:所见 {observed},要求{name}(如 {examples})",
                   "{label}: observed {observed}, required {name} (e.g. {examples})"),
    "colour.named": ("{label}:{observed},即{name}", "{label}: {observed} is {name}"),
    "colour.near": ("{label}:{observed} 与{name}(项目色值 {hex})色差 ΔE2000 = {de},"
                    "允许 ≤ {limit}(项目默认值)",
                    "{label}: {observed} differs from {name} (project value {hex}) by "
                    "ΔE2000 {de}, allowed ≤ {limit} (project default)"),
    "colour.far": ("{label}:{observed} 与{name}(项目色值 {hex})色差 ΔE2000 = {de},"
                   "超过允许的 {limit}(项目默认值)",
                   "{label}: {observed} differs from {name} (project value {hex}) by ΔE2000 "
                   "{de}, more than the {limit} allowed (project default)"),
    "colour.other": ("{label}:所见 {observed} 是{other},要求{name}",
                     "{label}: observed {observed} is {other}, required {name}"),
    "colour.unknown": ("{label}:signgen 无法识别颜色“{observed}”(可写颜色名称、HEX、"
                       "rgb(...) 或 cmyk(...)),以核查人判定为准",
                       "{label}: signgen cannot read the colour “{observed}” (write a name, "
                       "HEX, rgb(...) or cmyk(...)); the auditor's result decides"),
    "origin.not-this": ("不适用:条文仅针对{origins}用房,本用房为{origin}",
                        "not applicable: the text applies to {origins} premises only; these "
                        "are {origin}"),
    # survey template
    "tpl.head": ("# signgen 现场核查调查表:{title} / {title_en}\n"
                 "# 第 {edition} 版。每项在 result 写 合格、不合格 或 不适用"
                 "(也可写 pass、fail、na),\n"
                 "# 并填写实测或所见的数值;未核查的留空。数值可带单位(55cm、150㎡)。\n"
                 "# 每项可加照片:photo: photos/<项目编号>.jpg(照片放在本文件旁的 photos/ 中)。\n"
                 "# signgen 自行判定记录的数值:\n#   signgen audit 本文件.yaml",
                 "# signgen audit survey: {title} / {title_en}\n"
                 "# edition {edition}. For each item write result: pass, fail or na (not\n"
                 "# applicable; 合格, 不合格, 不适用 also do), and fill the measured or observed\n"
                 "# values (a unit may follow: 55cm, 150㎡); leave empty what you did not check.\n"
                 "# Any item may name a photo: photo: photos/<item id>.jpg (in photos/ beside\n"
                 "# this file).\n"
                 "# signgen judges measured and observed values itself:\n"
                 "#   signgen audit THIS-FILE.yaml"),
    "tpl.origin": ("  origin: {value}   # 用房来源:{choices}",
                   "  origin: {value}   # how the premises were obtained: {choices}"),
    "tpl.no-site": ("  site: {{}}   # 无规划:每类房间、窗口、宣传栏标牌各一项",
                    "  site: {{}}   # no plan: one generic item per room, window and board plaque"),
    "tpl.site": ("  site:   # 来自规划:下列每个房间、窗口、宣传栏各一项标牌",
                 "  site:   # from the plan: one plaque item per room, window and board below"),
    "tpl.result": ("    result:     # 合格 / 不合格 / 不适用",
                   "    result:     # pass / fail / na"),
    "tpl.room": ("    room:     # 在哪个房间", "    room:     # which room serves it"),
    "tpl.text": ("    observed:     # 照抄标牌上的文字", "    observed:     # the text exactly "
                 "as on the plaque"),
    "tpl.colour": ("    observed:     # 颜色名称、HEX、rgb(...) 或 cmyk(...)",
                   "    observed:     # colour name, HEX, rgb(...) or cmyk(...)"),
    "tpl.face": ("    observed:     # 字体名称", "    observed:     # typeface name"),
}

# Problems found reading a survey.
TEXTS.update({
    "err.text": ("应为文字,实为 {got}", "expected text, got {got}"),
    "err.top": ("应为含 survey: 和 items: 的映射,实为 {got}",
                "expected a mapping with survey: and items:, got {got}"),
    "err.header": ("应为含 standard、edition、community 的映射,实为 {got}",
                   "expected a mapping with standard, edition, community, got {got}"),
    "err.unknown-key": ("未知的键{hint};可用的键:{allowed}",
                        "unknown key{hint}; expected one of: {allowed}"),
    "err.hint": ("(是否应为 '{close}'?)", " (did you mean '{close}'?)"),
    "err.standard": ("应为标准 {want!r} 的调查表,实为 {got!r}",
                     "expected a survey for standard {want!r}, got {got!r}"),
    "err.edition": ("应为 {id} 的第 {want!r} 版,实为 {got!r}",
                    "expected edition {want!r} of {id}, got {got!r}"),
    "err.community": ("应为 字段: 值 的映射,实为 {got}",
                      "expected a mapping of field: value, got {got}"),
    "err.per-sign": ("{key} 是每块标牌各自的字段(由 site: 的房间、窗口、宣传栏给出),"
                     "不能写在 community: 中;community: 可用的字段:{allowed}",
                     "{key} is a per-sign field (given by the rooms, windows and boards of "
                     "site:), not a community field; community: takes: {allowed}"),
    "err.per-sign-value": ("{key} 是每块标牌各自的字段(由方案的房间、窗口、宣传栏给出),"
                           "不是社区的值;社区可用的字段:{allowed}",
                           "{key} is a per-sign field (given by the plan's rooms, windows and "
                           "boards), not a community value; a community takes: {allowed}"),
    "err.choice": ("应为 {choices} 之一,实为 {got!r}", "expected one of {choices}, got {got!r}"),
    "err.origin": ("应为用房来源 {choices} 之一,实为 {got!r}",
                   "expected how the premises were obtained, one of {choices}, got {got!r}"),
    "err.site": ("应为含 rooms、windows、boards 的映射,实为 {got}",
                 "expected a mapping with rooms, windows, boards, got {got}"),
    "err.room": ("应为 {{name: ..., functions: [...]}},实为 {got}",
                 "expected {{name: ..., functions: [...]}}, got {got}"),
    "err.function": ("应为 {id} 的功能编号,实为 {got!r}",
                     "expected a function id of {id}, got {got!r}"),
    "err.list": ("应为列表,实为 {got}", "expected a list, got {got}"),
    "err.entry": ("应为含 result、note 等的映射,实为 {got}",
                  "expected a mapping with result, note..., got {got}"),
    "err.mapping": ("应为 {expected},实为 {got}", "expected {expected}, got {got}"),
    "err.items": ("应为 项目编号: 记录 的映射,实为 {got}",
                  "expected a mapping of item id: entry, got {got}"),
    "err.item-id": ("应为 {id} 的项目编号{hint},实为 {got!r}",
                    "expected the id of an item of {id}{hint}, got {got!r}"),
    "err.a-mapping": ("映射", "a mapping"),
    "err.a-list": ("列表", "a list"),
})

# Photos with a survey, and a survey delivered as a zip (signgen/audit/photos.py).
TEXTS.update({
    "err.photo-path": ("应为调查表所在文件夹内的路径,例如 photos/<项目编号>.jpg,实为 {got!r}",
                       "expected a path inside the survey's folder, such as "
                       "photos/<item id>.jpg, got {got!r}"),
    "err.photo-suffix": ("应为图片文件({suffixes}),实为 {got!r}",
                         "expected an image file ({suffixes}), got {got!r}"),
    "err.photo-missing": ("照片文件不存在:应在{where}中有 {path},实为没有",
                          "expected the photo {path} in {where}, got no such file"),
    "err.photo-where-folder": ("调查表所在的文件夹", "the survey's folder"),
    "err.photo-where-zip": ("压缩包", "the zip"),
    "err.zip": ("应为 zip 压缩包,无法读取:{got}", "expected a zip file, cannot read it: {got}"),
    "err.zip-survey": ("压缩包中应有 {member},实为:{got}",
                       "expected {member} in the zip, got: {got}"),
    "err.zip-large": ("调查表应不大于 {most} 字节,实为 {got}",
                      "expected a survey of at most {most} bytes, got {got}"),
    "report.photo": ("照片", "photo"),
})


# Interface words of the A4 audit sheet, per language.
SHEET_LABELS: dict[str, dict[str, str]] = {
    "zh": {"sheet": "现场核查表", "edition": "版本", "community": "社区", "auditor": "核查人",
           "date": "日期", "required": "要求", "tolerance": "允许偏差", "result": "结果",
           "outcome": "○合格 ○不合格 ○不适用", "measured": "实测", "observed": "所见",
           "room": "所在房间", "note": "备注", "scan": "扫码查看条文", "level": "级别",
           "origin": "用房来源",
           "groups": "area:面积;function:功能设置;window:服务窗口;board:宣传栏;"
                     "rule:工作要求;quantity:数量要求;plaque-outdoor:门外标牌;"
                     "plaque-indoor:室内标牌"},
    "en": {"sheet": "Audit sheet", "edition": "edition", "community": "Community",
           "auditor": "Auditor", "date": "Date", "required": "Required",
           "tolerance": "Tolerance", "result": "Result", "outcome": "○ pass ○ fail ○ n/a",
           "measured": "Measured", "observed": "Observed", "room": "Room", "note": "Note",
           "scan": "Scan for the clause", "level": "Level", "origin": "Origin",
           "groups": "area:Floor area;function:Room functions;window:Service windows;"
                     "board:Bulletin boards;rule:Requirements;quantity:Quantities;"
                     "plaque-outdoor:Outdoor plaques;plaque-indoor:Indoor plaques"},
}
SHEET_LABELS["zh"]["base-url"] = "--base-url 应为 http:// 或 https:// 网址,实为 {got!r}"
SHEET_LABELS["en"]["base-url"] = "--base-url: expected an http:// or https:// URL, got {got!r}"


CATALOGUE = Catalogue(TEXTS)


def t(key: str, lang: str = "zh", /, **values: object) -> str:
    """The text ``key`` in ``lang`` (Chinese unless ``en``), ``{names}`` filled from ``values``.

    >>> t("status.fail"), t("status.fail", "en")
    ('不合格', 'fail')
    """
    return CATALOGUE.say(key, lang, **values)


def level_word(level: str, lang: str = "zh") -> str:
    """How an item's level is shown: 必须, 建议, 示例 (required, recommended, examples)."""
    return t(f"level.{level_class(level)}", lang)


def level_class(level: str) -> str:
    """``required``, ``recommended``, ``encouraged`` or ``examples``: a spec level (or a
    rule's kind) as it counts in a verdict.

    Only a requirement can fail an audit; a recommendation (建议), an encouragement (鼓励)
    and one of an open list of examples (主要有…等) never do.
    """
    if level in ("required", "requirement"):
        return "required"
    if level in ("open", "examples"):
        return "examples"
    if level == "encouraged":
        return "encouraged"
    return "recommended"


__all__ = ["LANGS", "SHEET_LABELS", "TEXTS", "level_class", "level_word", "t"]
SHEET_LABELS["zh"]["local-url"] = ("注意:二维码指向本机地址 {url},只能在运行 signgen site serve 的"
                                   "电脑上打开;请用 --base-url 或 $SIGNGEN_SITE_URL 指定网站地址。")
SHEET_LABELS["en"]["local-url"] = ("Note: the QR codes open the local address {url}, only on the "
                                   "computer running signgen site serve; give the site's address "
                                   "with --base-url or $SIGNGEN_SITE_URL.")
SHEET_LABELS["zh"]["noscript"] = "二维码由浏览器按本页地址绘制,需启用 JavaScript。"
SHEET_LABELS["en"]["noscript"] = ("The QR codes are drawn by the browser from this page's "
                                  "address; JavaScript is needed.")
SHEET_LABELS["zh"]["signature"] = "核查人签字"
SHEET_LABELS["en"]["signature"] = "Auditor's signature"
SHEET_LABELS["zh"]["item-id"] = "条目编号"
SHEET_LABELS["en"]["item-id"] = "Item id"
