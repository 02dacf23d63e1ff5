"""Word lists every stage reads (lower case), the one home of each cue: small, general English news vocabulary;
no place names. Regular expressions over a list are built from it here (:func:`alternation`), never retyped.

>>> MONTHS["sept"], WEEKDAYS["friday"]
(9, 4)
>>> "announced" in SPEECH_VERBS and "announced" in SPEAKER_VERBS
True
"""
from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable
from functools import cache

__all__ = ["ATTRIBUTION_VERBS", "CIVIC_HEADS", "CONNECTORS", "DIRECTIONALS", "FIRST_NAMES", "FUNCTION_WORDS",
           "MONTHS", "MONTH_NAMES", "NON_PLACE_WORDS", "ORGANISATIONS", "ORG_HEADS", "ORG_HEADS_AHEAD", "PERSON_CUES",
           "PUBLIC_BODIES", "SPEAKER_VERBS", "SPEECH_VERBS", "TITLES", "WEEKDAYS", "alternation", "given_names",
           "word_given_names"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex group matching any of ``words`` (longest first, so none is cut short).

    >>> alternation(["jan", "january"])
    '(?:january|jan)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


#: Month names and the abbreviations news uses, to their number.
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
#: The months' full names.
MONTH_NAMES = frozenset(k for k in MONTHS if len(k) > 4 or k in ("may", "june", "july"))
WEEKDAYS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                            "sunday": 6}

#: Verbs of speech that follow a speaker's name ("Kirby said", "Burton explained"): a single capitalised word
#: before one is a surname, never a place.
SPEECH_VERBS = _words("said says told added noted asked wrote explained argued insisted stated recalled warned "
                      "admitted admits acknowledged announced tweeted believes thinks insists agreed replied laughed")
#: The speech verbs of a speaker placed by a place ("In Washington, a spokesman said"): the place is where the
#: speaker is, not where the event happened.
SPEAKER_VERBS = _words("said says told announced stated added")
#: Verbs that attribute a figure to a source ("the Observatory reported", "put the toll at"); a figure with a
#: new source is a competing count, not more deaths.
ATTRIBUTION_VERBS = SPEAKER_VERBS | _words("reported recorded confirmed counted put estimated")


#: Lower-case words allowed inside a multi-word place name ("Bosnia and Herzegovina", "Rio de Janeiro").
CONNECTORS = _words("of de del da do dos das di du des la le les el al ar as ad an at az ash ath ed es er ez "
                    "and upon on sur au aux en am im bin ibn ul il y e van von der den ter")

#: Words that may precede a place inside one capitalised run without making it a person or organisation.
DIRECTIONALS = _words("north south east west northern southern eastern western northeast northwest southeast "
                      "southwest northeastern northwestern southeastern southwestern central upper lower greater "
                      "inner outer mainland rural downtown metro metropolitan old new coastal "
                      "north-east north-west south-east south-west mid far")

#: Titles and roles that announce a person's name.
TITLES = _words("president vice-president secretary minister spokesman spokeswoman spokesperson mr mrs ms miss "
                "dr sir lord lady dame gen general col colonel lt lieutenant capt captain sgt sergeant cpl major "
                "officer sen senator rep representative congressman congresswoman gov governor mayor judge "
                "justice prof professor rev reverend father pastor king queen prince princess sheikh sheik imam "
                "ayatollah pope ambassador chancellor premier commissioner envoy cardinal bishop archbishop rabbi "
                "emir sultan chairman chairwoman ceo founder director coach detective constable superintendent "
                "inspector chief agent attorney prosecutor councillor councilman councilwoman president-elect "
                "leader commander admiral marshal brig brigadier trooper deputy sheriff dean nurse doctor "
                "saint st mullah const cst pte pvt selectman selectmen selectwoman alderman aldermen")

#: Words that follow a person's surname ("Kirby said"): the speech verbs; a name that is one is no place.
PERSON_CUES = SPEECH_VERBS

#: Heads of organisation names: a place directly before one is part of a name ("Washington Post"). Not
#: ``police``: ``London Police``, ``Lebanon Police`` are the police of a place, which the annotated corpora mark
#: as the place (19 of the 21 the rule once rejected in the dev corpus).
ORG_HEADS = _words("times post journal herald tribune gazette news daily telegraph guardian observer chronicle "
                   "mail express press review magazine today weekly university college school academy institute "
                   "airlines airways airport bank club fc united rangers corp corporation inc ltd co company "
                   "group holdings society association foundation committee party council commission agency "
                   "network radio television tv broadcasting hospital clinic museum stadium hotel studios church "
                   "ministry court records motors energy oil telecom league cup open marathon")

#: Organisations whose names are also place names or GeoNames aliases (``Hamas`` is filed under Hamm, ``Taliban``
#: under a Turkish village, ``the White House`` under Casablanca and a town in Tennessee, ``Xinhua reported``
#: under Chinese districts and villages): keys, as normalised.
ORGANISATIONS = frozenset({"hamas", "taliban", "hezbollah", "hizbollah", "white house", "kremlin", "xinhua"})

#: The first words of a town's own institutions, after which its name is the town (``Rochester Fire
#: Department``, ``Columbia Metropolitan Airport``, ``Boone County Sheriff``): no person is called Rochester Fire.
CIVIC_HEADS = _words("fire police city metropolitan municipal regional convention international airport sheriff "
                     "township borough public")


#: Heads of the names of a place's own public bodies, up to three words after the place (``Cauvery Management
#: Board``, ``London Homeless Coalition``, ``Slidell PD``, ``Cornwall Council``): the corpora annotate the place
#: there, as they do before CIVIC_HEADS.
PUBLIC_BODIES = _words("board committee council commission association coalition museum gallery ems pd tribunal "
                       "authority library")

#: Heads of organisations' names that show one even a few words on (``Kurdistan Workers Party``, ``Saint Peter
#: and Saint Paul Church``, a company's legal form: ``Capital Steel Co. in Lincoln``), where a head such as ``News``
#: or ``United`` would not (``Syria and United Nations``).
ORG_HEADS_AHEAD = _words("party church cathedral mosque temple synagogue chapel basilica monastery airlines airways "
                         "movement front co corp corporation inc ltd llc plc company")

#: Words that are capitalised at a sentence start or in headlines but are not place names here (``Metro Police
#: said``, ``the West Metro Chamber of Commerce``: no Metro, Indonesia).
NON_PLACE_WORDS = _words(
    "a an the this that these those there here it its he she they we you i his her their our your my "
    "in on at to from by for with without of off over under into onto upon about after before during since "
    "until while when where why how what who whom which whose if then than but and or nor so yet also "
    "as because though although however meanwhile still even only just not no yes all any each every both "
    "some many much more most other another such several few one two three four five six seven eight nine ten "
    "first second third last next new old now today yesterday tomorrow tonight later earlier again "
    "mr mrs ms dr police government officials official people president minister state city town county "
    "army military forces force rebels troops court news report reports video photo image getty ap afp reuters "
    "please read see click share follow like love hope faith grace joy victory liberty independence unity "
    "peace justice freedom union republic kingdom empire nation nations world earth global international "
    "national federal central general public royal imperial christian muslim islamic jewish catholic "
    "god allah lord jesus christ church mosque temple bible koran quran "
    "christmas easter ramadan eid thanksgiving halloween "
    "breaking update updated editor editors note correction related advertisement "
    "university center centre council hospital airport lakes hydro western southern northern eastern "
    "commerce industry chamber reserve none road metro "
    "north south east west liberal conservative democrat democrats republican republicans labour vice white "
    "black house senate congress parliament ministry embassy department office agency"
) | frozenset(MONTHS) | frozenset(WEEKDAYS)

#: Closed-class English words and irregular verb forms, which a dictionary of content words lacks: the
#: true-caser lower-cases them in text written in capitals (``THE``, ``HAS``, ``TOOK``).
FUNCTION_WORDS = _words(
    "a an the this that these those there here it its he she they we you i me him her us them his hers their "
    "theirs our ours your yours my mine who whom whose which what when where why how whether if then than "
    "because though although while whereas unless until since so yet nor or and but also not no yes "
    "in on at to from by for with without of off over under into onto upon about after before during "
    "against among amongst between through throughout toward towards across along around behind beside "
    "besides beyond despite except inside outside near via within per "
    "be is are am was were been being have has had having do does did done doing will would shall should "
    "can could may might must ought "
    "all any each every both either neither some many much more most other another such several few "
    "one two three four five six seven eight nine ten eleven twelve hundred thousand million "
    "took taken made said went gone came gave given found held left led fought shot hit set put began begun "
    "told thought brought caught sought met sent spent built lost won fell fallen knew known grew grown "
    "threw thrown drew drawn flew flown wore worn tore torn rode ridden wrote written spoke spoken broke "
    "broken chose chosen froze frozen stole stolen woke driven drove rose risen ate eaten sat stood "
    "understood kept slept felt dealt meant heard paid laid sold fled fed read hung struck stuck dug seen "
    "saw did got gotten hid hidden bit bitten beat beaten forgot forgotten became become ran run "
    "men women children people others whom whose himself herself themselves itself ourselves yourself")

#: Common given names: a capitalised word after one of these is a surname, not a place ("Peter Cook").
FIRST_NAMES = _words(
    "john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony "
    "mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan "
    "jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander "
    "frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle "
    "walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence "
    "jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy "
    "eugene vincent russell elijah louis bobby philip johnny barack hillary bill tony tom jim mike bob dan "
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret "
    "sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca "
    "sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha "
    "katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce "
    "victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline "
    "frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise "
    "amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose "
    "alexis kayla angelina theresa nikki sally suzan edith lolita somini "
    "mohammed mohammad muhammad mohamed ahmed ahmad ali omar umar hassan hussein hussain abdul abdullah "
    "abdel abu ibrahim ismail khalid khaled mahmoud mustafa mostafa youssef yusuf salman faisal hamad hamid "
    "bashar hafez adham bassem walid tariq karim rami samir nabil fadi ayman osama usama saddam recep "
    "tayyip ahmet mehmet mevlut binali nouri haider masoud jalal fuad nasser anwar gamal hosni "
    "vladimir sergey sergei dmitry dmitri vitaly alexei alexey mikhail nikolai ivan igor andrei yuri boris "
    "viktor petro volodymyr oleksandr natalia olga tatiana svetlana yulia irina "
    "francois jean-marc jean-claude pierre jacques emmanuel nicolas angela gerhard helmut wolfgang "
    "hans klaus jurgen giuseppe giovanni matteo silvio carlos luis jorge pedro manuel miguel juan "
    "xi li wang zhang liu chen yang huang zhao wu zhou narendra rahul sonia shinzo kim moon park "
    "justin malcolm kevin tony theresa boris gordon nigel jeremy nicola "
    # Spanish and Portuguese given names of Latin American news ("Mauricio Sandoval" is no Mauritius,
    # "Enrique Lopez Albujar" no Lopez)
    "enrique alfredo mauricio antonio fernando francisco rafael ricardo roberto eduardo jaime javier hector "
    "oscar raul ruben sergio alvaro andres diego guillermo gustavo julio mario osvaldo oswaldo rodrigo ernesto "
    "alberto armando arturo cesar ignacio joaquin rene ramon humberto gilberto horacio leonel orlando marco "
    "felipe hugo ivan luiz joao jesus alejandro adolfo agustin alfonso benjamin camilo edgar efrain "
    "emilio federico gerardo gonzalo hernan ismael lucio marcelo nelson octavio pablo reinaldo "
    "ana gabriela beatriz claudia elena lucia patricia silvia violeta "
    "rodolfo ramiro victor paulo augusto marta mariano felix leonardo tomas vicente"
)


@cache
def given_names() -> frozenset[str]:
    """:data:`FIRST_NAMES` and the given names of the 1990 US Census that are no English word and no notable
    place's name (``geo/data/given-names.txt``, from scripts/make_given_names.py), read on first use.

    >>> {"charlie", "carey", "enrique"} <= given_names() and not {"georgia", "paris", "will"} & given_names()
    True
    """
    text = importlib.resources.files("geo").joinpath("data/given-names.txt").read_text(encoding="utf-8")
    return FIRST_NAMES | frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@cache
def word_given_names() -> frozenset[str]:
    """Given names of the 1990 US Census that are also English words (``will``, ``pat``, ``jenny``; WordNet counts
    ``howard`` too), from ``geo/data/given-names-words.txt`` (scripts/make_given_names.py): a given name only where
    the document shows it is one (see :func:`geo.places.people.person_names`).

    >>> {"pat", "jenny", "howard"} <= word_given_names() and not {"pat", "jenny"} & given_names()
    True
    """
    text = importlib.resources.files("geo").joinpath("data/given-names-words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#")) - FIRST_NAMES
