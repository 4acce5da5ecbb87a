"""Message texts in Chinese and English, and how a message carries both languages.

Chinese is the default everywhere; ``--lang en`` picks English. A :class:`Catalogue` holds
one module's texts by key; :meth:`Catalogue.say` gives the text in one language and
:meth:`Catalogue.msg` a :class:`Msg`: a ``str`` in Chinese that carries its English, so an
error can be raised deep in a reader and printed later in the language the user asked for
(:meth:`signgen.errors.SigngenError.in_lang`). The plan check, checklist, schedule and the
spec and plan readers keep their texts in catalogues; the audit may do the same.

>>> c = Catalogue({"short": ("少 {n} 平方米", "short by {n} m²")})
>>> c.say("short", "en", n=10)
'short by 10 m²'
>>> m = c.msg("short", n=10)
>>> str(m), m.in_lang("en")
('少 10 平方米', 'short by 10 m²')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"


class Msg(str):
    """Text in Chinese (the ``str`` value) that carries the same text in English."""

    en: str

    def __new__(cls, zh: str, en: str) -> Msg:
        obj = super().__new__(cls, zh)
        obj.en = en
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (str(self), self.en)

    def in_lang(self, lang: str) -> str:
        """The text in ``lang``: English for ``en``, else Chinese."""
        return self.en if lang == "en" else str(self)

    def __add__(self, other: str) -> Msg:  # type: ignore[override, unused-ignore]
        return Msg(str(self) + str(other), self.en + text_in(other, "en"))


def text_in(message: str, lang: str) -> str:
    """``message`` in ``lang`` when it carries both languages; as it is otherwise."""
    return message.in_lang(lang) if isinstance(message, Msg) else message


def check_lang(lang: str) -> str:
    """``lang`` if known; a ValueError naming the choices otherwise."""
    if lang not in LANGS:
        raise ValueError(f"lang: expected one of {', '.join(LANGS)}, got {lang!r}")
    return lang


class Catalogue:
    """One module's message texts: key -> (Chinese, English), each a ``str.format`` template."""

    def __init__(self, texts: Mapping[str, tuple[str, str]]) -> None:
        self.texts = dict(texts)

    def say(self, key: str, lang: str, /, **values: Any) -> str:
        """The text of ``key`` in ``lang`` with ``values`` filled in (Msg values follow)."""
        zh, en = self.texts[key]
        template = en if lang == "en" else zh
        return template.format(**{k: text_in(v, lang) if isinstance(v, str) else v
                                  for k, v in values.items()})

    def msg(self, key: str, /, **values: Any) -> Msg:
        """The text of ``key`` in both languages."""
        return Msg(self.say(key, "zh", **values), self.say(key, "en", **values))


# --- check reports (signgen.output.report), when a report has a language ------------------

REPORT = Catalogue({
    "pass": ("合格", "PASS"), "fail": ("不合格", "FAIL"), "warn": ("注意", "WARN"),
    "info": ("说明", "INFO"),
    "compliant": ("合格:无不合格项", "COMPLIANT: no item failed"),
    "not_compliant": ("不合格:{n} 项不合格", "NOT COMPLIANT: {n} item(s) failed"),
    "h_status": ("结果", "Status"), "h_finding": ("内容", "Finding"), "h_rule": ("规则", "Rule"),
    "h_clause": ("条款", "Clause"),
    "src_rule": ("规则 {ref}", "rule {ref}"), "src_clause": ("条款 {number}({clause})",
                                                          "clause {number}({clause})"),
    "src_join": (",", ", "),
})


# --- spec and plan shape errors (signgen.spec.problems) -------------------------------------

SHAPE = Catalogue({
    "unknown_key": ("未知的键{hint};应为以下之一:{known}",
                    "unknown key{hint}; expected one of: {known}"),
    "did_you_mean": ("(是否指 '{name}'?)", " (did you mean '{name}'?)"),
    "comma_in_braces": ("({{...}} 中的逗号会开始一个新键:请把整段文字加引号)",
                        " (a comma inside {{...}} starts a new key: put the whole text in "
                        "quotes)"),
    "missing": ("缺少必填字段", "expected a value, got nothing: this field is required"),
    "got": ("{expected},实际为 {got}{hint}", "{expected}, got {got}{hint}"),
    "string_type": ("应为文字", "expected text"),
    "string_pattern_mismatch": ("应为符合 {pattern} 的文字", "expected text matching {pattern}"),
    "greater_than": ("应为大于 {gt} 的数", "expected a number greater than {gt}"),
    "greater_than_equal": ("应为不小于 {ge} 的数", "expected a number of at least {ge}"),
    "less_than": ("应为小于 {lt} 的数", "expected a number less than {lt}"),
    "less_than_equal": ("应为不大于 {le} 的数", "expected a number of at most {le}"),
    "too_short": ("应至少有 {min_length} 项", "expected at least {min_length} item(s)"),
    "too_long": ("应至多有 {max_length} 项", "expected at most {max_length} item(s)"),
    "finite_number": ("应为有限的数", "expected a finite number"),
    "float_type": ("应为数", "expected a valid number"),
    "float_parsing": ("应为数", "expected a valid number"),
    "int_type": ("应为整数", "expected a valid integer"),
    "bool_type": ("应为 true 或 false", "expected a valid boolean"),
    "list_type": ("应为列表", "expected a valid list"),
    "dict_type": ("应为映射(键: 值)", "expected a valid dictionary"),
    "literal_error": ("应为 {expected}", "expected {expected}"),
    "other": ("输入无效:{msg}", "expected valid input: {msg}"),
    "id": ("应为编号:小写字母、数字、'-' 和 '_'",
           "expected an id: lower-case letters, digits, '-' and '_'"),
    "hex": ("应为 # 加六位十六进制数的颜色,如 '#1A2B3C'",
            "expected a colour as # and six hex digits, e.g. '#1A2B3C'"),
    "date": ("应为 YYYY-MM-DD 格式的日期", "expected a date as YYYY-MM-DD"),
    "quote_hint": ("(YAML 把它读作{read_as}:请加引号)", " (YAML reads it as a {read_as}: "
                                                    "put it in quotes)"),
    "comment_hint": ("(YAML 中 # 开始注释,后面的内容都被忽略:请把值加引号,如 \"#C8102E\")",
                     " (in YAML a # starts a comment and the rest of the line is ignored: "
                     "put the value in quotes, e.g. \"#C8102E\")"),
    "t_bool": ("true/false", "true/false"), "t_number": ("数", "number"),
    "a_mapping": ("一个映射", "a mapping"), "a_list": ("含 {n} 项的列表", "a list of {n}"),
    "nothing": ("空值", "nothing"),
})


# --- whole-standard checks (signgen.spec.crosscheck, signgen.spec.load) ---------------------

CROSS = Catalogue({
    "ref": ("应为“{section}:”中定义的{what}编号{hint},实际为 {got!r}",
            "expected the id of a {what_en} defined in '{section}:'{hint}, got {got!r}"),
    "duplicate_id": ("编号 {got!r} 重复:{section}[{other}] 已使用",
                     "duplicate id {got!r}: already used by {section}[{other}]"),
    "quote": ("应为在条款 {clause!r} 中逐字出现的原文,实际为 {got!r}",
              "expected words found verbatim in clause {clause!r}, got {got!r}"),
    "level_quote": ("应为条款 {clause!r} 中确定要求程度的原文(逐字),实际为 {got!r}",
                    "expected the words that set the level, verbatim in clause {clause!r}, "
                    "got {got!r}"),
    "alt_name": ("应为标准给出的名称(在某一条款中逐字出现;项目自加的名称放在 project_aliases),"
                 "实际为 {got!r}",
                 "expected a name the standard gives, found verbatim in a clause (a name the "
                 "project adds belongs in project_aliases), got {got!r}"),
    "number_quote": ("{field} 为 {got},与所引原文 {quote!r} 中的数({numbers})不符;"
                     "若是有意的本地修订,请加 amendment(写明理由)",
                     "{field} is {got}, but the quoted words {quote!r} give {numbers}; for a "
                     "deliberate local change add an amendment with its reason"),
    "segment_dup": ("本标牌中段编号 {got!r} 重复", "duplicate segment id {got!r} in this plaque"),
    "template": ("“{{字段}}”应为“fields:”中定义的名称({known}),实际为 {{{got}}}",
                 "expected '{{field}}' names defined in 'fields:' ({known}), got {{{got}}}"),
    "line_segment": ("应为标牌 {plaque!r} 的段编号({known}),实际为 {got!r}",
                     "expected a segment id of plaque {plaque!r} ({known}), got {got!r}"),
    "segment_unplaced": ("每一段都应排在某一行中,{missing} 未排",
                         "expected every segment on a line, got none for {missing}"),
    "letter_min_max": ("应不大于 max_letter_height_mm({max}),实际为 {got}",
                       "expected at most max_letter_height_mm ({max}), got {got}"),
    "background": ("此处应给出底色:标准未规定该标牌的底色",
                   "expected a background colour here: the standard gives none for this plaque"),
    "style_segment": ("应为标牌 {plaque!r} 的段编号,实际为 {got!r}",
                      "expected a segment id of plaque {plaque!r}, got {got!r}"),
    "style_missing": ("应为段 {segment!r} 给出字体和颜色:标准未规定",
                      "expected a typeface and colour for segment {segment!r}: the standard "
                      "gives none"),
    "height_missing": ("此处应给出高度:标准未规定", "expected a height here: the standard "
                                                 "gives none"),
    "width_missing": ("应给出宽度(或 width_from_text: true):标准未规定",
                      "expected a width (or width_from_text: true): the standard gives none"),
    "width_range": ("width_from_text 需同时给出 min_width_mm 和 max_width_mm",
                    "expected min_width_mm and max_width_mm with width_from_text"),
    "no_layout": ("应在 project_defaults.plaque_layouts 中为此标牌给出版式,实际没有",
                  "expected a layout for this plaque in project_defaults.plaque_layouts, "
                  "got none"),
    "no_colour_value": ("应在 project_defaults.colour_values 中为此颜色给出准确色值,实际没有",
                        "expected an exact value for this colour in "
                        "project_defaults.colour_values, got none"),
    "no_substitute": ("应在 project_defaults.typeface_substitutes 中为此字体给出已安装的替代字体,"
                      "实际没有",
                      "expected installed substitutes for this typeface in "
                      "project_defaults.typeface_substitutes, got none"),
    "layout_twice": ("标牌 {plaque!r} 已有版式 plaque_layouts[{other}];每块标牌只能有一个版式",
                     "plaque {plaque!r} already has a layout at plaque_layouts[{other}]; "
                     "expected one layout per plaque"),
    "too_large": ("应不大于 {limit} 毫米(signgen 对标牌尺寸的上限,防止笔误),实际为 {got}",
                  "expected at most {limit} mm (signgen's limit on a sign's size, against "
                  "typos), got {got}"),
    "min_over_max_width": ("应不大于 max_width_mm({max}),实际为 {got}",
                           "expected at most max_width_mm ({max}), got {got}"),
    "margin": ("应小于标牌 {width} × {height} 毫米的一半,实际为 {got}",
               "expected less than half of the plaque's {width} x {height} mm, got {got}"),
    "minimum_over_max": ("最小字高 {minimum} 毫米(min_letter_height_mm 与观看距离×可读性取大者)"
                         "大于 max_letter_height_mm {max}:没有字高能同时满足",
                         "the minimum letter height {minimum} mm (the larger of "
                         "min_letter_height_mm and viewing distance × legibility) is above "
                         "max_letter_height_mm {max}: no letter height satisfies both"),
    "lines_do_not_fit": ("{n} 行最小字高 {minimum} 毫米、行距 {gap} 倍字高共需 {need} 毫米,"
                         "标牌去掉边距只有 {room} 毫米",
                         "{n} lines of letters at the minimum {minimum} mm with a gap of {gap} "
                         "letter heights need {need} mm; the plaque has {room} mm inside its "
                         "margins"),
    "date": ("应为真实存在的日期(YYYY-MM-DD),实际为 {got!r}",
             "expected a real calendar date (YYYY-MM-DD), got {got!r}"),
    "duplicate_standard": ("每个标准的编号在 {root} 下只能用一次,{got!r} 重复(第一次在 {other})",
                           "expected each standard's id once under {root}, got {got!r} again "
                           "(first in {other})"),
    "section_twice": ("此部分已在 {other} 中定义;每个部分只能写在一个文件中",
                      "section already defined in {other}; expected each section in one "
                      "file only"),
    "section_missing": ("应在某个规范文件中写有此部分,实际没有",
                        "expected this section in one of the spec files, got none"),
    "top_level": ("应为各部分({sections})组成的映射,实际为 {got}",
                  "expected a mapping of sections ({sections}), got {got}"),
})


# --- requirement levels, as every output names them ---------------------------------------

LEVEL = Catalogue({
    "required": ("应设置", "required"),
    "recommended": ("建议设置", "recommended"),
    "encouraged": ("鼓励设置", "encouraged"),
    "examples": ("示例(主要有…等)", "example (an open list)"),
    "project_addition": ("本项目所加,标准未提", "added by the project, not in the standard"),
    "project_aliases": ("也接受的简称(项目所加,不上标牌)",
                        "short forms also accepted (the project's, never on a plaque)"),
    "amendment": ("本地修订", "local amendment"),
})
