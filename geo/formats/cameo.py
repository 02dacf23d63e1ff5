"""GDELT's CAMEO event codes as ACLED types: the material conflict roots 14-20 map, the rest are no event ACLED
codes (statements, appeals, consultations, aid, threats ...).

The most specific code listed wins: ``1831`` (suicide bombing) before ``183`` (bombing) before ``18`` (assault).

>>> acled_type("193")
('Battles', 'Armed clash')
>>> acled_type("1831")
('Explosions/Remote violence', 'Suicide bomb')
>>> acled_type("042") is None, root_name("04")
(True, 'consult')
"""
from __future__ import annotations

__all__ = ["CAMEO_TO_ACLED", "ROOTS", "acled_type", "root_name"]

#: The twenty CAMEO root codes, by their codebook names.
ROOTS = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
    "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
    "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "use unconventional mass violence",
}

_B, _E, _V, _P, _R, _S = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                          "Strategic developments")

#: CAMEO code (a root or a longer code) -> ACLED (event_type, sub_event_type), read most specific first.
CAMEO_TO_ACLED: dict[str, tuple[str, str]] = {
    "14": (_P, "Peaceful protest"),
    "145": (_R, "Violent demonstration"),  # protest violently, riot
    "15": (_S, "Other"),  # exhibit force posture: mobilise, put on alert
    "16": (_S, "Other"),  # reduce relations: sanctions, expulsions of envoys
    "17": (_S, "Other"),  # coerce
    "171": (_S, "Looting/property destruction"),  # seize or damage property
    "173": (_S, "Arrests"),  # arrest, detain, or charge with legal action
    "175": (_V, "Attack"),  # use tactics of violent repression
    "18": (_V, "Attack"),  # assault
    "181": (_V, "Abduction/forced disappearance"),  # abduct, hijack, take hostage
    "1821": (_V, "Sexual violence"),
    "183": (_E, "Remote explosive/landmine/IED"),  # suicide, car or other non-military bombing
    "1831": (_E, "Suicide bomb"),
    "19": (_B, "Armed clash"),  # fight: small arms, occupation, ceasefire violations
    "191": (_S, "Other"),  # impose blockade, restrict movement
    "194": (_E, "Shelling/artillery/missile attack"),  # fight with artillery and tanks
    "195": (_E, "Air/drone strike"),  # employ aerial weapons
    "20": (_V, "Attack"),  # mass killings, ethnic cleansing
    "201": (_S, "Other"),  # mass expulsion
    "204": (_E, "Chemical weapon"),  # weapons of mass destruction
}


def acled_type(code: str) -> tuple[str, str] | None:
    """ACLED's (type, sub-type) for a CAMEO event code, or None for the roots ACLED does not code (01-13)."""
    code = code.strip()
    for n in range(len(code), 1, -1):
        if code[:n] in CAMEO_TO_ACLED:
            return CAMEO_TO_ACLED[code[:n]]
    return None


def root_name(root: str) -> str:
    """The codebook name of a root code (``04`` consult), or ``unknown``."""
    return ROOTS.get(root.strip().zfill(2), "unknown")
