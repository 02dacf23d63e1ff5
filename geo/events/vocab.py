"""The word classes the trigger rules test arguments against: who fights, who protests, what aircraft,
weapons, settlements and property are called, what kills without an attacker, what ordinary crime is."""
from __future__ import annotations

__all__ = ["AIRCRAFT", "COMBATANTS", "CRIMES", "DISASTERS", "DISRUPTING", "IRREGULAR", "PROPERTY", "PROTESTERS",
           "SETTLEMENTS", "WEAPONS"]

#: Who fights rather than is attacked: an attack on them, or a death among them, is a battle (ACLED codes
#: violence between armed groups as Battles, against unarmed people as Violence against civilians).
COMBATANTS = frozenset({"police", "policeman", "policemen", "officer", "guard", "gendarme",
                        "soldier", "troop", "guerrilla", "rebel", "militant", "fighter", "insurgent", "subversive",
                        "terrorist", "extremist", "jihadist", "jihadi", "militiaman", "militia", "army", "force",
                        "combatant", "commando", "paratrooper", "marine", "battalion", "brigade", "unit",
                        "patrol", "garrison", "barracks", "post", "outpost", "base", "column", "convoy",
                        "detachment", "squad", "platoon", "regiment", "division", "checkpoint", "position"})
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "striker", "crowd", "rally",
                        "protest", "demonstration", "march", "student"})
#: What aircraft are called: where a document speaks of them, "bombing" and "bombed" are from the air.
AIRCRAFT = frozenset({"warplane", "aircraft", "jet", "plane", "helicopter", "gunship", "drone", "airstrike",
                      "bomber", "air", "aerial", "airforce", "raid", "sortie", "airplane"})
WEAPONS = frozenset({"weapon", "arm", "explosive", "ammunition", "rifle", "dynamite", "bomb", "grenade", "rocket",
                     "missile", "mortar", "mine", "landmine", "device", "gun", "munition", "detonator", "cache",
                     "materiel", "launcher", "tnt", "shell"})
#: Verbs that stop a weapon from being used: a weapon noun under them is no attack (``seized 20 rifles``).
DISRUPTING = frozenset({"seize", "find", "confiscate", "defuse", "deactivate", "dismantle", "discover", "capture",
                        "recover", "intercept", "uncover", "locate", "detect", "destroy", "sell",
                        "buy", "supply", "smuggle", "ban", "use", "possess", "carry", "store", "hide",
                        "manufacture", "make", "build", "develop", "deliver", "send", "provide", "test"})
SETTLEMENTS = frozenset({"town", "city", "village", "hamlet", "district", "province", "area", "region", "base",
                         "camp", "neighborhood", "neighbourhood", "port", "airport", "capital", "suburb",
                         "territory", "control", "stronghold", "hill", "position", "municipality", "county",
                         "department"})
PROPERTY = frozenset({"house", "home", "building", "vehicle", "car", "bus", "truck", "office", "store", "shop",
                      "church", "mosque", "school", "station", "tower", "pylon", "bridge", "farm", "crop",
                      "property", "plant", "facility", "headquarters", "factory", "warehouse", "train", "hut",
                      "field", "market", "hall", "plantation", "installation", "line", "pipeline", "dwelling",
                      "embassy", "bank", "branch", "substation", "system", "network", "consulate"})
#: Causes that kill without anyone attacking: a death from them is no event (``killed by a cholera epidemic``,
#: ``a gas explosion at a noodle restaurant``).
DISASTERS = frozenset({"disease", "epidemic", "outbreak", "cholera", "virus", "flu", "influenza", "fever", "flood",
                       "flooding", "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "tsunami",
                       "landslide", "mudslide", "accident", "crash", "heatwave", "drought", "famine", "malaria",
                       "ebola", "marburg", "illness", "infection", "pandemic", "avalanche", "monsoon", "lightning",
                       "diarrhoea", "diarrhea", "leak", "collapse", "blaze", "wildfire", "derailment", "overdose",
                       "cancer", "tornado", "eruption", "explosion-prone", "gas", "boiler", "firework", "fireworks",
                       "mine", "coal", "waterborne", "measles", "dengue", "tuberculosis", "h1n1", "sars", "covid"})
#: What people are arrested for when the arrest is ordinary crime, not politics (``arrested on suspicion of
#: corruption``; EVENTS-GUIDE: arrests count for militants, political figures, protesters, attack suspects).
CRIMES = frozenset({"corruption", "fraud", "bribery", "bribe", "theft", "robbery", "drug", "drugs", "trafficking",
                    "embezzlement", "tax", "burglary", "speeding", "drink", "drunk", "assault", "shoplifting",
                    "health", "affray", "possession", "smuggling", "money", "laundering", "poaching", "gambling"})
#: Irregular forms a lemma takes in text (for the quick test of which sentences need a parse).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shot",), "fight": ("fought",), "blow": ("blew", "blown"), "take": ("took", "taken"),
    "fall": ("fell", "fallen"), "overrun": ("overran",), "retake": ("retook", "retaken"), "strike": ("struck",),
    "slay": ("slew", "slain"), "set": ("set",), "break": ("broke", "broken"), "hit": ("hit",),
    "hold": ("held",), "burn": ("burnt",), "find": ("found",), "sit-in": ("sit-ins",), "seize": ("seiz",),
}
