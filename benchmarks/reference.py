"""Names for the synthetic collection: institutions that study returned lunar samples, and
name pools for the invented people who work there.

The institutions are real places that study lunar samples; everything the generator says
about them (people, loans, addresses marked "(synthetic)") is invented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    country: str
    local_name: str = ""


LENDER = Place(
    "CNSA",
    "Lunar Sample Laboratory, China National Space Administration",
    "China",
    "国家航天局探月与航天工程中心 月球样品实验室",
)
# Chang'e-5 samples are kept in Beijing with a backup store in Shaoshan, Hunan; material
# moves between the two as internal transfers.
BACKUP = Place(
    "CNSA-SS",
    "Lunar Sample Backup Repository, Shaoshan (CNSA)",
    "China",
    "月球样品韶山灾备存储库",
)

BORROWERS: tuple[Place, ...] = (
    Place("IGGCAS", "Institute of Geology and Geophysics, Chinese Academy of Sciences", "China",
          "中国科学院地质与地球物理研究所"),
    Place("GIGCAS", "Guangzhou Institute of Geochemistry, Chinese Academy of Sciences", "China",
          "中国科学院广州地球化学研究所"),
    Place("IGCAS", "Institute of Geochemistry, Chinese Academy of Sciences, Guiyang", "China",
          "中国科学院地球化学研究所"),
    Place("NAOC", "National Astronomical Observatories, Chinese Academy of Sciences", "China",
          "中国科学院国家天文台"),
    Place("PMO", "Purple Mountain Observatory, Chinese Academy of Sciences", "China",
          "中国科学院紫金山天文台"),
    Place("NJU", "Nanjing University", "China", "南京大学"),
    Place("PKU", "Peking University", "China", "北京大学"),
    Place("USTC", "University of Science and Technology of China", "China", "中国科学技术大学"),
    Place("CUG", "China University of Geosciences (Wuhan)", "China", "中国地质大学（武汉）"),
    Place("SDUWH", "Shandong University, Weihai", "China", "山东大学（威海）"),
    Place("SYSU", "Sun Yat-sen University", "China", "中山大学"),
    Place("TONGJI", "Tongji University", "China", "同济大学"),
    Place("ZJU", "Zhejiang University", "China", "浙江大学"),
    Place("WHU", "Wuhan University", "China", "武汉大学"),
    Place("JLU", "Jilin University", "China", "吉林大学"),
    Place("NWU", "Northwest University", "China", "西北大学"),
    Place("CAGS", "Chinese Academy of Geological Sciences", "China", "中国地质科学院"),
    Place("MUST", "Macau University of Science and Technology", "China", "澳門科技大學"),
    Place("HKU", "The University of Hong Kong", "China", "香港大學"),
    Place("BROWN", "Brown University", "USA"),
    Place("STONYBROOK", "Stony Brook University", "USA"),
    Place("ASU", "Arizona State University", "USA"),
    Place("UNM", "University of New Mexico", "USA"),
    Place("WUSTL", "Washington University in St. Louis", "USA"),
    Place("UHM", "University of Hawaiʻi at Mānoa", "USA"),
    Place("KOELN", "Universität zu Köln", "Germany"),
    Place("MUENSTER", "Universität Münster", "Germany"),
    Place("MPIC", "Max Planck Institute for Chemistry", "Germany"),
    Place("OSAKA", "Osaka University", "Japan", "大阪大学"),
    Place("UTOKYO", "The University of Tokyo", "Japan", "東京大学"),
    Place("TOHOKU", "Tohoku University", "Japan", "東北大学"),
    Place("OPENU", "The Open University", "United Kingdom"),
    Place("MANCHESTER", "The University of Manchester", "United Kingdom"),
    Place("NHM", "Natural History Museum, London", "United Kingdom"),
    Place("IPGP", "Institut de physique du globe de Paris / Université Paris Cité", "France"),
    Place("CRPG", "Centre de Recherches Pétrographiques et Géochimiques, Nancy", "France"),
    Place("ETHZ", "ETH Zürich", "Switzerland"),
    Place("UNIBE", "Universität Bern", "Switzerland"),
    Place("CURTIN", "Curtin University", "Australia"),
    Place("ANU", "The Australian National University", "Australia"),
    Place("UWO", "Western University", "Canada"),
    Place("KU", "University of Copenhagen", "Denmark", "Københavns Universitet"),
    Place("GEOKHI", "Vernadsky Institute of Geochemistry and Analytical Chemistry", "Russia",
          "Институт геохимии и аналитической химии им. В. И. Вернадского"),
    Place("PRL", "Physical Research Laboratory, Ahmedabad", "India"),
    Place("KIGAM", "Korea Institute of Geoscience and Mineral Resources", "South Korea",
          "한국지질자원연구원"),
    Place("SUPARCO", "SUPARCO, Pakistan Space and Upper Atmosphere Research Commission",
          "Pakistan"),
)  # fmt: skip

COURIER_FIRMS: tuple[Place, ...] = (
    Place("MERIDIAN", "Meridian Secure Logistics (synthetic)", "China"),
    Place("SKYVAULT", "SkyVault Specimen Couriers (synthetic)", "China"),
    Place("ORBITAL", "Orbital Chain Logistics (synthetic)", "Germany"),
)

# (family names, given names) by country; names are written family-first where that is
# the custom, as the people write them themselves.
_CHINESE = (
    (
        "Zhang",
        "Wang",
        "Li",
        "Liu",
        "Chen",
        "Yang",
        "Zhao",
        "Huang",
        "Zhou",
        "Wu",
        "Xu",
        "Sun",
        "Hu",
        "Zhu",
        "Gao",
        "Lin",
        "He",
        "Guo",
        "Ma",
        "Luo",
    ),
    (
        "Min",
        "Wei",
        "Jing",
        "Yang",
        "Lei",
        "Fang",
        "Hao",
        "Xin",
        "Yu",
        "Jun",
        "Ling",
        "Tao",
        "Yan",
        "Qiang",
        "Hui",
        "Bo",
        "Ning",
        "Rui",
        "Chen",
        "Xiao",
    ),
)
_WESTERN = (
    (
        "Smith",
        "Müller",
        "Martin",
        "Schneider",
        "Dubois",
        "Brown",
        "Fischer",
        "Moreau",
        "Taylor",
        "Weber",
        "Laurent",
        "Wilson",
        "Becker",
        "Bernard",
        "Clark",
        "Hoffmann",
        "Petit",
        "Walker",
        "Keller",
        "Novak",
        "Larsen",
        "Ivanova",
        "Rossi",
        "Kowalski",
    ),
    (
        "Emma",
        "Lukas",
        "Camille",
        "James",
        "Sophie",
        "Jonas",
        "Léa",
        "Daniel",
        "Anna",
        "Thomas",
        "Clara",
        "Paul",
        "Julia",
        "Felix",
        "Marie",
        "David",
        "Sarah",
        "Max",
        "Laura",
        "Noah",
        "Elena",
        "Mikkel",
        "Olga",
        "Jürgen",
    ),
)
_JAPANESE = (
    (
        "Sato",
        "Suzuki",
        "Takahashi",
        "Tanaka",
        "Watanabe",
        "Ito",
        "Yamamoto",
        "Nakamura",
        "Kobayashi",
        "Kato",
    ),
    ("Haruka", "Kenji", "Yuki", "Hiroshi", "Aiko", "Takumi", "Naoko", "Ren", "Sakura", "Daiki"),
)
_SOUTH_ASIAN = (
    ("Khan", "Siddiqui", "Sharma", "Patel", "Iyer", "Qureshi", "Rao", "Malik"),
    ("Ayesha", "Imran", "Priya", "Arjun", "Sana", "Vikram", "Fatima", "Rohan"),
)
_KOREAN = (("Kim", "Lee", "Park", "Choi", "Jung"), ("Minjun", "Seoyeon", "Jiho", "Hana", "Jisoo"))

NAMES_BY_COUNTRY = {
    "China": _CHINESE,
    "Japan": _JAPANESE,
    "India": _SOUTH_ASIAN,
    "Pakistan": _SOUTH_ASIAN,
    "South Korea": _KOREAN,
}
FAMILY_FIRST = {"China", "South Korea"}


def name_pool(country: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return NAMES_BY_COUNTRY.get(country, _WESTERN)


PURPOSES = (
    "Space weathering and solar-wind water in regolith grains (FTIR, NanoSIMS)",
    "Pb-Pb and U-Pb chronology of young mare basalt fragments",
    "Hf-W and Lu-Hf chronology of basalt fines",
    "Noble-gas cosmic-ray exposure ages and solar-wind implantation",
    "Oxygen isotopes and water abundance by SIMS",
    "Palaeomagnetism of basalt fragments",
    "Geotechnical properties of regolith for in-situ resource utilisation",
    "Mineralogy and petrology of glass beads",
    "Volatile loss and thermal history of mare basalt fines",
    "Reflectance spectroscopy for remote-sensing ground truth",
    "Micrometeorite impact melts and agglutinates (TEM)",
    "Chlorine and hydrogen isotopes of apatite",
)
