"""The contractor side's message texts (plan reader, plan check, sign schedule), Chinese and
English, in the catalogues of :mod:`signgen.messages`."""

from __future__ import annotations

from signgen.messages import Catalogue

# --- the plan reader (signgen.contractor.plan) ---------------------------------------------

PLAN = Catalogue({
    "not_mapping": ("应为包含 community、origin、rooms、windows、boards 的映射,实际为 {got}",
                    "expected a mapping with community, origin, rooms, windows, boards, "
                    "got {got}"),
    "did_you_mean": ("(是否指 '{name}'?)", " (did you mean '{name}'?)"),
    "unknown_key": ("未知的键{hint};应为以下之一:{known}",
                    "unknown key{hint}; expected one of: {known}"),
    "per_sign_field": ("“{field}”是每块{plaque}各自的文字,不属于整个社区:由方案的 {source} 给出,"
                       "不能写在 community 中;community 只接受:{known}",
                       "{field!r} is the text of each {plaque_en}, not of the community: the "
                       "plan's {source} gives it, not community; community takes only: {known}"),
    "choice": ("应为 {choices} 之一,实际为 {got!r}", "expected one of {choices}, got {got!r}"),
    "origin_missing": ("缺少用房取得方式,应为 {known} 之一",
                       "expected how the premises were obtained, one of {known}, got nothing"),
    "none_listed": ("无(本标准未列出)", "none (this standard lists none)"),
    "zone_missing": ("缺少房间所属功能区,应为 {known} 之一",
                     "expected the room's zone, one of {known}, got nothing"),
    "several": ("(与多项相符:{items})", " (matches several: {items})"),
    "function_unknown": ("应为 {standard} 的功能(编号、中文名称或又称){hint},实际为 {got!r}",
                         "expected a function of {standard} by id, Chinese name or "
                         "alternative name{hint}, got {got!r}"),
    "function_hint": ("(是否指 {names}?)", " (did you mean {names}?)"),
    "entry_several": ("应为一项,该名称与多项相符:{items};请写全称,实际为 {got!r}",
                      "expected one item, got a name that matches several: {items}; "
                      "write the full name, got {got!r}"),
    "or": ("或", " or "),
    "total_not_finite": ("各房间面积之和超出可计算的范围:请检查面积", "expected room areas "
                         "that add up to a finite total, got a sum too large to compute"),
})


# --- the plan check (signgen.contractor.check) ---------------------------------------------

CHECK = Catalogue({
    "title": ("{title}:方案检查", "{title_en}: plan check"),
    "s_areas": ("面积", "Floor area"),
    "s_functions": ("功能设置(标准要求设置)", "Room functions (required by the standard)"),
    "s_encouraged": ("鼓励设置的功能(不影响结论)",
                     "Functions encouraged where conditions allow (never fail)"),
    "s_windows": ("服务窗口", "Service windows"),
    "s_boards": ("宣传栏(建议设置,不影响结论)", "Bulletin boards (recommended, never fail)"),
    "s_logo": ("社区标识", "Community logo"),
    "s_rooms": ("房间", "Rooms"),
    "area_ok": ("{name}{zone}:{area} 平方米,不少于 {min} 平方米",
                "{name_en}{zone_en}: {area} m² ≥ {min} m²"),
    "area_tolerance": ("{name}{zone}:{area} 平方米,在 {min} 平方米的允许误差 ±{slack} 平方米内"
                       "(误差为项目默认)",
                       "{name_en}{zone_en}: {area} m², within ±{slack} m² of {min} m² "
                       "(the tolerance is a project default)"),
    "area_short": ("{name}{zone}:{area} 平方米,少于 {min} 平方米:差 {short} 平方米",
                   "{name_en}{zone_en}: {area} m² < {min} m²: short by {short} m²"),
    "function_in": ("{name}:设于 {rooms}", "{name_en}: in {rooms}"),
    "function_missing": ("{name}:缺少(标准要求设置:“{level_quote}”)",
                         "{name_en}: missing (required: “{level_quote}”)"),
    "function_not_planned": ("{name}:未设置(鼓励设置,不要求)",
                             "{name_en}: not planned (encouraged, not required)"),
    "function_zone": ("{room}:{function}按项目默认属于{default},方案将该房间列入{planned}",
                      "{room}: {function_en} counts as {default_en} by project default; the "
                      "plan puts the room in {planned_en}"),
    "encouraged_count": ("鼓励项:{done} / {total} 设置", "Encouraged: {done} / {total} planned"),
    "recommended_count": ("建议项:{done} / {total} 设置",
                          "Recommended: {done} / {total} planned"),
    "window_sign": ("窗口 {n}:{sign}“{name}”", "Window {n}: {sign_en} “{name}”"),
    "window_extra": ("(标准示例之外的科目,照写)", " (a category beyond the standard's examples, "
                                                  "kept as written)"),
    "windows_none": ("方案未列出办事窗口:标准要求每个办事窗口放置{sign}(“{quote}”)",
                     "The plan lists no service windows: the standard asks for a {sign_en} "
                     "at each window (“{quote}”)"),
    "window_examples": ("标准所列科目为示例(“{level_quote}”…等):{examples};方案列出 {planned};"
                        "不要求每个示例都设",
                        "The standard's categories are examples (“{level_quote}” ... etc.): "
                        "{examples_en}; the plan lists {planned}; not every example is required"),
    "nothing": ("无", "none"),
    "board_set": ("{name}:已设置 {count} 块(建议设置)",
                  "{name_en}: {count} planned (recommended)"),
    "board_not_set": ("{name}:未设置(建议设置,不要求)",
                      "{name_en}: not planned (recommended, not required)"),
    "board_extra": ("{name}:标准所列之外,照写", "{name}: not in the standard's list, kept as "
                                               "written"),
    "boards_assumed": ("方案未列出宣传栏(无 boards 键):按标准所列全部宣传栏计",
                       "The plan lists no boards (no boards key): every board the standard "
                       "lists is assumed"),
    "logo": ("{name}:社区标识{place}(“{quote}”)", "{name_en}: the logo goes {place_en} "
                                                 "(“{quote}”)"),
    "place_roof": ("悬挂于房顶", "on the roof"),
    "place_name_sign_front": ("置于社区标牌的前端", "at the front end of the name sign"),
    "room": ("{name}:{area} 平方米{zone}:{functions}", "{name}: {area} m²{zone}: {functions}"),
    "no_function": ("无功能", "no function"),
    "f_total": ("总面积", "Total"),
    "f_rooms": ("房间数", "Rooms"),
    "m2": ("{n} 平方米", "{n} m²"),
})


# --- the sign schedule and the checklist's plaque facts (signgen.contractor) ---------------

SCHEDULE = Catalogue({
    "c_id": ("编号", "ID"), "c_type": ("类型", "Type"), "c_text": ("文字", "Text"),
    "c_height_mm": ("高(毫米)", "Height (mm)"), "c_width": ("宽(毫米)", "Width (mm)"),
    "c_size_source": ("尺寸来源", "Size source"), "c_typefaces": ("字体", "Typefaces"),
    "c_colours": ("颜色", "Colours"), "c_placement": ("位置", "Placement"),
    "c_mounting_height": ("安装高度(毫米)", "Mounting height (mm)"),
    "c_quantity": ("数量", "Qty"), "c_clause": ("条款", "Clause"),
    "c_level": ("要求程度", "Level"),
    "c_number": ("序号", "No."), "c_artwork": ("图稿文件", "Artwork file"),
    "c_ink_height_mm": ("墨迹字高(毫米)", "Ink height (mm)"),
    "c_em_size_mm": ("字身(毫米)", "Body size, em (mm)"),
    "heights_note": ("墨迹字高:成品上最高一个字的实测高度(卷尺量得的就是它);字身:该行的字号"
                     "(em),版式的最小、最大字高都按字身计(项目默认)。",
                     "Ink height: the tallest character as measured on the finished sign "
                     "(what a tape measures); body size: the em of its line, which the "
                     "layout's minimum and maximum letter heights refer to (project defaults)."),
    "standard": ("标准", "standard"), "default": ("项目默认", "project default"),
    "size_split": ("高:{h};宽:{w}", "height: {h}; width: {w}"),
    "follows_text": ("随文字 {low}-{high}", "follows text, {low}-{high}"),
    "mounting": ("{n}(地面至标牌下沿,{default})", "{n} (floor to lower edge, {default})"),
    "background": ("{colour}(底色{mark})", "{colour} (background{mark})"),
    "logo_type": ("标识", "Logo"),
    "logo_text": ("统一标识:图样不在标准正文中", "unified logo: artwork not in the standard text"),
    "title": ("{title}:标牌清单", "{title_en}: sign schedule"),
    "count": ("{source}:共 {count} 块标牌({standard})", "{source}: {count} signs ({standard})"),
    "wrote": ("已写入 {output}:{count} 块标牌", "wrote {output}: {count} signs"),
    "sign_made": ("{number} {id}:{size},{files} 个文件", "{number} {id}: {size}, {files} files"),
    "sign_refused": ("{number} {id}:拒绝(未生成):{reason}",
                     "{number} {id}: refused (not made): {reason}"),
    "sign_no_artwork": ("{number} {id}:无图稿(统一标识由其来源提供)",
                        "{number} {id}: no artwork (the unified logo comes from its origin)"),
    "signs_wrote": ("已写入 {output}:{made} 块标牌,{files} 个文件,另有标牌清单 2 份",
                    "wrote {output}: {made} signs, {files} files, and the schedule (2 files)"),
    "signs_refused": (";{count} 块被拒绝:{ids}", "; {count} refused: {ids}"),
    # the browser's schedule (signgen-schedule.js), for a width it cannot lay out
    "browser_width": ("{id}:浏览器无法排出 {chars}(网站未带这些字的字体数据),清单中此牌的字高"
                      "留空、随文字的宽度给出范围;准确数值请用 signgen schedule",
                      "{id}: the browser cannot lay out {chars} (the site carries no font data "
                      "for them): the schedule leaves its letter heights empty and gives a "
                      "width that follows the text as its range; signgen schedule gives them"),
    "browser_no_fonts": ("{id}:生成网站时未找到字体({problem}),清单中此牌的字高留空、随文字的"
                         "宽度给出范围;准确数值请用 signgen schedule",
                         "{id}: the site was built without its fonts ({problem}): the "
                         "schedule leaves its letter heights empty and gives a width that "
                         "follows the text as its range; signgen schedule gives them"),
})
