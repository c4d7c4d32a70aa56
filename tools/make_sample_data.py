#!/usr/bin/env python3
"""Generate the fictional sample register of 示例市 (Example City) for tuoyu.

Usage:
    python3 tools/make_sample_data.py --out data
    python3 tools/make_sample_data.py --out /tmp/big --institutions 100000 --seed 7

Writes institutions.csv, fees.csv and areas.csv into --out (UTF-8 without BOM,
LF line ends, RFC 4180 quoting, canonical English headers of
data/schema/*.schema.json).

Everything is fictional: 示例市 does not exist, its district codes start with
99 (no real province uses 99), phone numbers follow the pattern 0799-8xxxxxxx
or 400-000-xxxx and private mobiles 1390000xxxx.  The output is fully
determined by --seed and --institutions (python3 standard library only, no
clock, no dict/set iteration order); the city itself (areas.csv) is fixed and
does not depend on the seed.

Deliberate data-quality warnings, placed by counters so that they also appear
(proportionally) in large synthetic sets:
  * every 150th institution with a credit code (starting with the 41st) gets a
    wrong USCC check character;
  * every 24th operating non-inclusive institution with fees (starting with
    the 8th) declares prepay_months = 6 on its first 保育费 row
    (预收费一般不超过3个月).
All other rows satisfy the schema constraints and the cross-field rules.
"""

import argparse
import csv
import datetime
import os
import random
import sys

DATA_DATE = datetime.date(2026, 10, 31)
DEFAULT_SEED = 20261031
CITY_SEED = 990100  # the city layout does not depend on --seed

INSTITUTION_FIELDS = [
    "id", "name", "uscc", "district_code", "street", "address", "longitude",
    "latitude", "crs", "type", "ownership", "inclusive", "status",
    "filing_status", "filing_date", "capacity", "places_6_12m",
    "places_12_24m", "places_24_36m", "enrolled", "age_min_months",
    "age_max_months", "services", "hours", "phone", "area_m2", "rating",
    "operator_mobile", "updated", "note",
]
FEE_FIELDS = [
    "institution_id", "service", "class", "item", "amount", "unit",
    "prepay_months", "effective_from", "note",
]
AREA_FIELDS = [
    "code", "name", "parent_code", "population", "children_under3",
    "longitude", "latitude", "crs",
]

# ---------------------------------------------------------------- the city --
# (code, name, population, centroid lon, centroid lat, streets)
# streets: (3-digit suffix, name); 0xx = 街道, 1xx = 镇 (GB/T 10114 rule)
DISTRICTS = [
    ("990101", "青石区", 712000, 112.985, 28.200, [
        ("001", "青石街道"), ("002", "文昌街道"), ("003", "南门街道"),
        ("004", "府前街道"), ("005", "清泉街道"), ("006", "柳巷街道"),
        ("007", "东华街道"),
    ]),
    ("990102", "枫林区", 548000, 112.920, 28.222, [
        ("001", "枫林街道"), ("002", "望岳街道"), ("003", "桃源街道"),
        ("004", "银杉街道"), ("005", "西坪街道"), ("006", "白鹭街道"),
    ]),
    ("990103", "明湖区", 836000, 113.055, 28.245, [
        ("001", "明湖街道"), ("002", "新河街道"), ("003", "湖滨街道"),
        ("004", "春华街道"), ("005", "金桥街道"), ("006", "荷塘街道"),
        ("007", "北苑街道"),
    ]),
    ("990104", "松岗区", 394000, 113.035, 28.135, [
        ("001", "松岗街道"), ("002", "龙泉街道"), ("003", "安平街道"),
        ("101", "石门镇"), ("102", "梅溪镇"), ("103", "双溪镇"),
    ]),
]

ROAD_WORDS = [
    "朝阳", "和平", "建设", "新民", "振华", "育才", "书院", "青年", "迎宾",
    "长青", "兴业", "光明", "丰收", "友谊", "永安", "幸福", "团结", "锦绣",
    "翠微", "梧桐", "樟树", "桂花", "芙蓉", "凤凰", "嘉禾", "银河", "晴川",
    "雅园", "东风", "湘竹",
]
ROAD_SUFFIXES = ["路", "路", "路", "街", "大道", "巷"]
ESTATE_WORDS = [
    "柳湾", "枫丹", "翠湖", "金桂", "紫荆", "阳光", "和园", "锦苑", "润泽",
    "嘉园", "景福", "泰和", "怡景", "宏盛", "雅居", "绿洲", "清风", "晨曦",
    "丽水", "星岸", "书香", "梧桐", "银杏", "玉兰",
]
ESTATE_SUFFIXES = ["苑", "小区", "花园", "新村", "家园", "雅居", "公寓"]
# Fictional name fragments; deliberately no real brand names.
BRAND_WORDS = [
    "禾苗", "小橡树", "青柠", "暖阳", "麦田", "小溪", "云朵", "稻香", "星河",
    "木棉", "小石头", "橙子", "小鹿", "拾光", "初心", "芽芽", "小竹笋",
    "葵花籽", "小松果", "知更鸟", "彩虹桥", "小帆船", "豆豆", "乐芽",
    "童心", "小满", "春苗", "晴天", "蜗牛", "小灯塔",
]
CENTRE_SUFFIXES = [
    "宝贝托育中心", "托育中心", "婴幼儿照护中心", "托育园", "育婴园",
    "亲子托育中心", "成长托育中心",
]
EMPLOYERS = [
    "示例市中心医院", "示例市第二人民医院", "示例市妇幼保健院",
    "示例市机关事务服务中心", "示例大学", "示例职业技术学院",
    "示例市轨道交通集团", "示例电力公司", "示例水务集团",
    "示例市公交集团", "高新产业园", "示例市税务服务中心",
]
EMPLOYER_SUFFIXES = ["职工托育点", "职工子女托育中心", "托育园"]
CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check_char(first17):
    total = sum(USCC_ALPHABET.index(c) * w
                for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8):
    """GB 11714 check character of the 9-character organisation code."""
    def value(c):
        return int(c) if c.isdigit() else ord(c) - ord("A") + 10
    r = 11 - sum(value(c) * w for c, w in zip(first8, ORG_WEIGHTS)) % 11
    return "X" if r == 10 else ("0" if r == 11 else str(r))


def make_uscc(rng, prefix, district_code):
    if prefix in ("91", "92"):
        body = "MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = prefix + district_code + body + org_code_check_char(body)
    return first17 + uscc_check_char(first17)


def pick(rng, weighted):
    """weighted: sequence of (value, weight); deterministic for a given rng."""
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def random_date(rng, start, end):
    if end <= start:
        return start
    return datetime.date.fromordinal(
        rng.randint(start.toordinal(), end.toordinal()))


def money(cents):
    """Amount in yuan from integer cents: at most 2 decimals, whole if even."""
    if cents % 100 == 0:
        return str(cents // 100)
    if cents % 10 == 0:
        return "%d.%d" % (cents // 100, (cents % 100) // 10)
    return "%d.%02d" % (cents // 100, cents % 100)


def round_to(value, step):
    return int(round(value / step)) * step


# ------------------------------------------------------------------ areas --
class Street:
    __slots__ = ("code", "name", "district_code", "district_name",
                 "population", "children", "lon", "lat", "fragment",
                 "roads", "estates", "weight")


def build_city():
    rng = random.Random(CITY_SEED)
    district_rows = []
    streets = []
    for d_code, d_name, d_pop, d_lon, d_lat, d_streets in DISTRICTS:
        weights = []
        for suffix, name in d_streets:
            w = rng.uniform(0.7, 1.4)
            if name.endswith("镇"):
                w *= 0.55
            weights.append(w)
        total_w = sum(weights)
        pops = [int(d_pop * w / total_w) for w in weights]
        pops[0] += d_pop - sum(pops)
        d_children = 0
        d_streets_objs = []
        for (suffix, name), pop in zip(d_streets, pops):
            s = Street()
            s.code = d_code + suffix
            s.name = name
            s.district_code = d_code
            s.district_name = d_name
            s.population = pop
            s.children = int(round(pop * rng.uniform(0.020, 0.030)))
            d_children += s.children
            spread = 0.05 if name.endswith("镇") else 0.028
            s.lon = round(d_lon + rng.uniform(-spread, spread), 6)
            s.lat = round(d_lat + rng.uniform(-spread, spread), 6)
            s.fragment = name[:-2] if name.endswith("街道") else name[:-1]
            road_words = rng.sample(ROAD_WORDS, 4)
            s.roads = [s.fragment + "路"] + [
                w + rng.choice(ROAD_SUFFIXES) for w in road_words]
            s.estates = [
                w + rng.choice(ESTATE_SUFFIXES)
                for w in rng.sample(ESTATE_WORDS, 8)]
            # institutions per resident: towns have fewer
            s.weight = pop * (0.6 if name.endswith("镇") else 1.0)
            d_streets_objs.append(s)
        district_rows.append([d_code, d_name, "", d_pop, d_children,
                              "%.6f" % d_lon, "%.6f" % d_lat, ""])
        streets.extend(d_streets_objs)
    area_rows = []
    for drow in district_rows:
        area_rows.append(drow)
        for s in streets:
            if s.district_code == drow[0]:
                area_rows.append([s.code, s.name, s.district_code,
                                  s.population, s.children,
                                  "%.6f" % s.lon, "%.6f" % s.lat, ""])
    return area_rows, streets


# ----------------------------------------------------------- institutions --
TYPE_WEIGHTS = [("托育中心", 38), ("幼儿园托班", 27), ("社区托育点", 14),
                ("用人单位办托", 5), ("家庭托育点", 16)]
OWNERSHIP_BY_TYPE = {
    "托育中心": [("民办营利", 75), ("民办非营利", 20), ("公办", 5)],
    "幼儿园托班": [("公办", 65), ("民办非营利", 15), ("民办营利", 20)],
    "社区托育点": [("公办", 60), ("民办非营利", 30), ("民办营利", 10)],
    "用人单位办托": [("公办", 40), ("民办非营利", 40), ("民办营利", 20)],
    "家庭托育点": [("民办营利", 85), ("民办非营利", 15)],
}
INCLUSIVE_P = {"公办": 0.95, "民办非营利": 0.75, "民办营利": 0.25}
AGE_RANGES = {
    "托育中心": [((6, 36), 35), ((12, 36), 40), ((18, 36), 25)],
    "幼儿园托班": [((24, 36), 70), ((18, 36), 30)],
    "社区托育点": [((12, 36), 40), ((18, 36), 35), ((24, 36), 25)],
    "用人单位办托": [((6, 36), 30), ((12, 36), 45), ((18, 36), 25)],
    "家庭托育点": [((6, 36), 40), ((12, 36), 45), ((18, 36), 15)],
}
CAPACITY_RANGE = {
    "托育中心": (40, 150), "幼儿园托班": (20, 80), "社区托育点": (20, 60),
    "用人单位办托": (20, 100), "家庭托育点": (3, 5),
}
HOURS = {
    "托育中心": ["周一至周五 7:30–18:00", "周一至周六 7:30–18:30",
             "周一至周五 8:00–17:30", "周一至周五 7:30–17:30"],
    "幼儿园托班": ["周一至周五 7:50–16:30", "周一至周五 8:00–16:30（可延时至17:30）",
              "周一至周五 7:45–16:45"],
    "社区托育点": ["周一至周五 8:00–17:00", "周一至周六 8:30–17:30",
              "周一至周五 8:00–17:30"],
    "用人单位办托": ["工作日 7:30–18:00", "周一至周五 7:40–17:40"],
    "家庭托育点": ["周一至周五 8:00–17:30", "周一至周五 7:30–17:00",
              "周一至周六 8:00–17:00"],
}
SERVICE_P = {  # probabilities of 半日托, 计时托, 临时托 (全日托 handled apart)
    "托育中心": (0.55, 0.35, 0.30),
    "幼儿园托班": (0.20, 0.0, 0.0),
    "社区托育点": (0.50, 0.50, 0.40),
    "用人单位办托": (0.15, 0.10, 0.30),
    "家庭托育点": (0.30, 0.40, 0.30),
}
CLASS_SIZES = (("乳儿班", (10, 10, 8)), ("托小班", (15, 15, 12)),
               ("托大班", (20, 20, 18, 15)))
RATINGS = [("示范", 10), ("优秀", 30), ("良好", 40), ("合格", 18), ("不合格", 2)]
CENTRE_NOTES = ["设有母婴室", "提供延时托服务", "与社区卫生服务中心签约开展医育结合",
                "有户外活动场地", "提供营养配餐，每周公示食谱"]
FEE_EFFECTIVE = [datetime.date(2025, 1, 1), datetime.date(2025, 3, 1),
                 datetime.date(2025, 9, 1), datetime.date(2026, 1, 1),
                 datetime.date(2026, 3, 1), datetime.date(2026, 9, 1)]


def make_classes(rng, itype, age_min):
    """Return (places_6_12m, places_12_24m, places_24_36m, capacity)."""
    lo, hi = CAPACITY_RANGE[itype]
    max_classes = {"托育中心": 4, "幼儿园托班": 4, "社区托育点": 2,
                   "用人单位办托": 3}[itype]
    for _ in range(200):
        counts = []
        for cname, _sizes in CLASS_SIZES:
            allowed = ((cname == "乳儿班" and age_min < 12) or
                       (cname == "托小班" and age_min < 24) or
                       cname == "托大班")
            if not allowed:
                counts.append(0)
            elif cname == "乳儿班":
                counts.append(rng.randint(1, 2) if itype != "幼儿园托班" else 0)
            elif cname == "托小班":
                counts.append(rng.randint(1 if age_min < 18 else 0,
                                          max_classes))
            else:
                counts.append(rng.randint(1, max_classes))
        places = [n * rng.choice(sizes)
                  for n, (_c, sizes) in zip(counts, CLASS_SIZES)]
        total = sum(places)
        if lo <= total <= hi:
            capacity = total
            if rng.random() < 0.2:
                capacity = min(hi, total + rng.randint(2, 10))
            return places[0], places[1], places[2], capacity
    # fall back: one 托大班 class sized to the range
    return 0, 0, lo, lo


def unique_name(name, seen):
    if name not in seen:
        seen.add(name)
        return name
    k = 2
    while True:
        cand = "%s（%s部）" % (name, CHINESE_ORDINALS[k - 1]) if k <= 10 \
            else "%s（%d部）" % (name, k)
        if cand not in seen:
            seen.add(cand)
            return cand
        k += 1


def make_name(rng, itype, ownership, street, estate, seen):
    if itype == "托育中心":
        base = (rng.choice([street.fragment, rng.choice(street.roads)[:2], ""])
                + rng.choice(BRAND_WORDS) + rng.choice(CENTRE_SUFFIXES))
    elif itype == "幼儿园托班":
        r = rng.random()
        if ownership == "公办" and r < 0.45:
            base = "%s第%s幼儿园托班" % (street.district_name,
                                    rng.choice(CHINESE_ORDINALS))
        elif ownership == "公办" and r < 0.7:
            base = street.fragment + rng.choice(["中心", "实验", ""]) \
                + "幼儿园托班"
        elif ownership == "公办":
            base = estate[:2] + "幼儿园托班"
        else:
            base = street.fragment + rng.choice(BRAND_WORDS) + "幼儿园托班"
    elif itype == "社区托育点":
        base = "%s%s社区托育点" % (street.name, estate[:2])
    elif itype == "用人单位办托":
        base = rng.choice(EMPLOYERS) + rng.choice(EMPLOYER_SUFFIXES)
    else:
        base = estate + rng.choice(BRAND_WORDS) + "家庭托育点"
    return unique_name(base, seen)


def make_address(rng, itype, street, estate):
    road = rng.choice(street.roads)
    num = rng.randint(1, 399)
    if itype == "家庭托育点":
        return "%s%d栋%d单元%d0%d室" % (estate,
                                    rng.randint(1, 28), rng.randint(1, 4),
                                    rng.randint(1, 18), rng.randint(1, 4))
    if itype == "社区托育点":
        return "%s%d号%s社区服务中心%d楼" % (road, num, estate[:2],
                                      rng.randint(1, 2))
    if itype == "用人单位办托":
        return "%s%d号院内" % (road, num)
    if itype == "托育中心" and rng.random() < 0.5:
        return "%s%d号%s" % (road, num, rng.choice(
            ["1楼", "1-2楼", "2楼", "A座1楼", "裙楼2楼", "101室"]))
    return "%s%d号" % (road, num)


class Counters:
    def __init__(self):
        self.with_uscc = 0
        self.with_coords = 0
        self.prepay_candidates = 0
        self.uscc_warnings = []
        self.prepay_warnings = []
        self.crs_rows = []
        self.fees = 0
        self.inclusive = 0


def generate(n, seed, out_dir):
    area_rows, streets = build_city()
    rng = random.Random(seed)
    total_weight = sum(s.weight for s in streets)
    street_pick = [(s, s.weight / total_weight) for s in streets]
    width = max(4, len(str(n)))
    names = set()
    c = Counters()

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "areas.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(AREA_FIELDS)
        w.writerows(area_rows)

    inst_f = open(os.path.join(out_dir, "institutions.csv"), "w",
                  encoding="utf-8", newline="")
    fee_f = open(os.path.join(out_dir, "fees.csv"), "w", encoding="utf-8",
                 newline="")
    with inst_f, fee_f:
        iw = csv.writer(inst_f, lineterminator="\n")
        fw = csv.writer(fee_f, lineterminator="\n")
        iw.writerow(INSTITUTION_FIELDS)
        fw.writerow(FEE_FIELDS)
        for i in range(1, n + 1):
            row, fees = make_institution(rng, i, width, street_pick, names, c)
            iw.writerow(row)
            fw.writerows(fees)
            c.fees += len(fees)
    return area_rows, streets, c


def make_institution(rng, i, width, street_pick, names, c):
    iid = "sl-%0*d" % (width, i)
    street = pick(rng, street_pick)
    itype = pick(rng, TYPE_WEIGHTS)
    ownership = pick(rng, OWNERSHIP_BY_TYPE[itype])
    inclusive = rng.random() < INCLUSIVE_P[ownership]
    if inclusive:
        c.inclusive += 1
    status = pick(rng, [("运营中", 85), ("筹建中", 8), ("暂停", 4),
                        ("已停办", 3)])
    if status == "筹建中":
        filing_status = pick(rng, [("备案中", 40), ("未备案", 60)])
    elif status == "运营中":
        filing_status = pick(rng, [("已备案", 88), ("备案中", 8), ("未备案", 4)])
    else:
        filing_status = pick(rng, [("已备案", 90), ("未备案", 10)])
    filing_date = None
    if filing_status == "已备案":
        filing_date = random_date(rng, datetime.date(2020, 6, 1),
                                  datetime.date(2026, 10, 20))

    age_min, age_max = pick(rng, AGE_RANGES[itype])
    if itype == "家庭托育点":
        lo, hi = CAPACITY_RANGE[itype]
        capacity = rng.randint(lo, hi)
        p6 = p12 = p24 = ""
    else:
        p6, p12, p24, capacity = make_classes(rng, itype, age_min)
        if itype in ("托育中心", "社区托育点") and rng.random() < 0.12:
            p6 = p12 = p24 = ""  # class breakdown not reported
    if status == "运营中":
        enrolled = (int(capacity * rng.uniform(0.45, 1.0))
                    if rng.random() < 0.9 else "")
    elif status in ("暂停", "已停办"):
        enrolled = 0 if rng.random() < 0.7 else ""
    else:
        enrolled = ""

    services = ["全日托"] if (itype != "家庭托育点" or rng.random() < 0.8) else []
    p_half, p_hour, p_temp = SERVICE_P[itype]
    if rng.random() < p_half:
        services.append("半日托")
    if rng.random() < p_hour:
        services.append("计时托")
    if rng.random() < p_temp:
        services.append("临时托")
    if not services:
        services = ["计时托", "临时托"]

    # credit code
    if itype == "家庭托育点":
        has_uscc = rng.random() < 0.7
    elif status == "筹建中":
        has_uscc = rng.random() < 0.5
    else:
        has_uscc = rng.random() < 0.95
    uscc = ""
    if has_uscc:
        prefix = {"公办": "12", "民办非营利": "52"}.get(
            ownership, "92" if itype == "家庭托育点" else "91")
        uscc = make_uscc(rng, prefix, street.district_code)
        c.with_uscc += 1
        if c.with_uscc % 150 == 41:
            k = USCC_ALPHABET.index(uscc[-1])
            uscc = uscc[:-1] + USCC_ALPHABET[(k + 7) % 31]
            c.uscc_warnings.append(iid)

    lon = lat = crs = ""
    if rng.random() < 0.9:
        lon = "%.6f" % (street.lon + rng.gauss(0, 0.006))
        lat = "%.6f" % (street.lat + rng.gauss(0, 0.005))
        c.with_coords += 1
        if c.with_coords % 120 == 5:
            crs = "GCJ02"
            c.crs_rows.append(iid)

    r = rng.random()
    if r < 0.08:
        phone = ""
    elif r < 0.18 and itype == "托育中心":
        phone = "400-000-%04d" % rng.randint(0, 9999)
    else:
        phone = "0799-8%07d" % rng.randint(0, 9999999)
    mobile = "1390000%04d" % rng.randint(0, 9999) if rng.random() < 0.5 else ""

    area = ""
    if rng.random() < 0.9:
        if itype == "家庭托育点":
            a = rng.uniform(max(90.0, capacity * 9.0 + 40), 160.0)
        else:
            a = capacity * rng.uniform(9.0, 14.0)
        area = ("%.1f" % a) if rng.random() < 0.3 else str(int(round(a)))

    rating = ""
    if status == "运营中" and filing_status == "已备案" and rng.random() < 0.35:
        rating = pick(rng, RATINGS)

    upd_start = datetime.date(2025, 11, 1)
    if filing_date is not None and filing_date > upd_start:
        upd_start = filing_date
    updated = random_date(rng, upd_start, DATA_DATE)

    note = ""
    if status == "筹建中":
        m = rng.randint(11, 21)  # 2026-11 … 2027-09
        note = "筹建中，预计%d年%d月开园" % ((2026, m) if m <= 12
                                      else (2027, m - 12))
    elif status == "暂停":
        note = "2026年%d月起暂停收托，整改中" % rng.randint(5, 10)
    elif status == "已停办":
        note = "已于2026年%d月停办，在托婴幼儿已妥善安置" % rng.randint(1, 9)
    elif ownership == "民办非营利" and itype == "社区托育点" and rng.random() < 0.5:
        note = "街道提供场地，委托专业机构运营"
    elif itype == "用人单位办托" and rng.random() < 0.6:
        note = "优先招收本单位职工子女，余位向周边居民开放"
    elif rng.random() < 0.08:
        note = rng.choice(CENTRE_NOTES)

    estate = rng.choice(street.estates)
    name = make_name(rng, itype, ownership, street, estate, names)
    address = make_address(rng, itype, street, estate)
    row = [
        iid, name, uscc, street.district_code, street.name, address, lon,
        lat, crs, itype, ownership, "是" if inclusive else "否", status,
        filing_status, filing_date.isoformat() if filing_date else "",
        capacity, p6, p12, p24, enrolled, age_min, age_max,
        "、".join(services), rng.choice(HOURS[itype]), phone, area, rating,
        mobile, updated.isoformat(), note,
    ]

    has_fees = (status in ("运营中", "暂停")
                or (status == "已停办" and rng.random() < 0.4)
                or (status == "筹建中" and rng.random() < 0.08))
    fees = []
    if has_fees:
        fees = make_fees(rng, iid, itype, ownership, inclusive, services,
                         (p6, p12, p24), filing_date, status, c)
    return row, fees


def make_fees(rng, iid, itype, ownership, inclusive, services, places,
              filing_date, status, c):
    if inclusive:
        lo, hi = (1200, 1800) if ownership == "公办" else (1600, 2400)
    elif itype == "家庭托育点":
        lo, hi = 2800, 4200
    else:
        lo, hi = {"公办": (2800, 3600), "民办非营利": (2800, 4500),
                  "民办营利": (3200, 6500)}[ownership]
    base = rng.uniform(lo, hi)
    cap = 2600 if inclusive else 6500

    candidates = [d for d in FEE_EFFECTIVE
                  if filing_date is None or d >= filing_date]
    effective = rng.choice(candidates) if candidates else filing_date
    eff = effective.isoformat()

    warn_prepay = False
    if status == "运营中" and not inclusive:
        c.prepay_candidates += 1
        if c.prepay_candidates % 24 == 8:
            warn_prepay = True
            c.prepay_warnings.append(iid)

    def prepay():
        return pick(rng, [(1, 50), (3, 40), (2, 10)])

    public_note = "普惠性收费标准，已报卫生健康部门备案" if inclusive else ""
    fees = []

    def nursery_fee(service, cls, amount_yuan, step=10):
        nonlocal warn_prepay
        cents = round_to(min(amount_yuan, cap), step) * 100
        if ownership == "公办" and cents < cap * 100 and rng.random() < 0.05:
            cents += 50
        months = prepay()
        if warn_prepay:
            months = 6
            warn_prepay = False
        fees.append([iid, service, cls, "保育费", money(cents), "月", months,
                     eff, public_note if rng.random() < 0.3 else ""])

    if "全日托" in services:
        p6, p12, p24 = places
        by_class = [
            ("乳儿班", p6, rng.uniform(1.18, 1.30)),
            ("托小班", p12, rng.uniform(1.05, 1.12)),
            ("托大班", p24, 1.0),
        ]
        if itype == "家庭托育点":
            nursery_fee("全日托", "混龄班" if rng.random() < 0.5 else "",
                        base, 50)
        elif p6 != "" and rng.random() < 0.85 and any(p for _, p, _m in by_class):
            for cls, p, mult in by_class:
                if p:
                    nursery_fee("全日托", cls, base * mult)
        else:
            nursery_fee("全日托", "", base)
        if rng.random() < 0.6:
            cents = rng.randint(15, 30) * 100 + (50 if rng.random() < 0.25 else 0)
            fees.append([iid, "全日托", "", "伙食费", money(cents), "日",
                         "" if rng.random() < 0.3 else 1, eff,
                         "按实际出勤天数收取" if rng.random() < 0.4 else ""])
        else:
            cents = round_to(rng.uniform(350, 650), 10) * 100
            fees.append([iid, "全日托", "", "伙食费", money(cents), "月",
                         1, eff,
                         "含早餐、午餐和午点" if rng.random() < 0.3 else ""])
    if "半日托" in services:
        nursery_fee("半日托", "", base * rng.uniform(0.55, 0.65))
        if rng.random() < 0.5:
            fees.append([iid, "半日托", "", "伙食费",
                         money(rng.randint(8, 16) * 100), "日", "", eff,
                         "含午餐" if rng.random() < 0.5 else ""])
    if "计时托" in services:
        lo_h, hi_h = (20, 45) if inclusive else (35, 80)
        fees.append([iid, "计时托", "", "保育费",
                     money(rng.randint(lo_h, hi_h) * 100), "小时",
                     0 if rng.random() < 0.5 else "", eff,
                     "不足1小时按1小时计" if rng.random() < 0.3 else ""])
    if "临时托" in services:
        lo_d, hi_d = (100, 180) if inclusive else (150, 320)
        fees.append([iid, "临时托", "", "保育费",
                     money(round_to(rng.uniform(lo_d, hi_d), 10) * 100), "日",
                     0 if rng.random() < 0.5 else "", eff,
                     "含午餐" if rng.random() < 0.5 else ""])
    if ("全日托" in services and not inclusive and ownership != "公办"
            and rng.random() < 0.3):
        fees.append([iid, "全日托", "", "材料费",
                     money(round_to(rng.uniform(200, 600), 50) * 100),
                     "学期", "", eff, ""])
    return fees


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Generate the fictional 示例市 sample register.")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--institutions", type=int, default=320,
                    help="number of institutions (default 320)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED,
                    help="random seed (default %d)" % DEFAULT_SEED)
    ap.add_argument("--quiet", action="store_true", help="no summary")
    args = ap.parse_args(argv)
    if args.institutions < 1:
        ap.error("--institutions must be at least 1")
    area_rows, streets, c = generate(args.institutions, args.seed, args.out)
    if not args.quiet:
        print("areas: %d rows (%d districts, %d streets)" % (
            len(area_rows), len(DISTRICTS), len(streets)), file=sys.stderr)
        print("institutions: %d (inclusive %d, with coordinates %d)" % (
            args.institutions, c.inclusive, c.with_coords), file=sys.stderr)
        print("fees: %d" % c.fees, file=sys.stderr)
        print("deliberate warnings: wrong USCC check %s; prepay 6 months %s"
              % (",".join(c.uscc_warnings[:10]) or "-",
                 ",".join(c.prepay_warnings[:10]) or "-"), file=sys.stderr)
        print("explicit crs GCJ02: %s" % (",".join(c.crs_rows[:10]) or "-"),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
