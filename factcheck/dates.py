"""When a figure is stated for: its `as_of` day, its `since` window, and the days that date an incident instead.

A day in a sentence dates a figure only when it dates the statement or the count ("officials said on Monday",
"by Friday the toll had risen to"), never when it names the incident ("the ferry that capsized on Thursday",
"the strike on July 8", "the 1912 quake"). Everything here is a pure function of one sentence and the article's
publication day (docs/semantics.md, "Time").
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from factcheck.measures import clause_bounds

__all__ = ["as_of", "since"]


_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


_MONTH_RE = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"


_DATE_MD = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")


_SINCE = re.compile(r"\bsince\s+(?P<what>[^,;.]{0,80})", re.I)


#: "since 2011" opens a figure's window, unless it follows a superlative ("Morocco's deadliest since 1960").
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w{3,}est|worst|best|most\s+\w+|first|ever|record)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


_SINCE_WHOLE = re.compile(r"^(?:the |\w+['’]s )?(?:start|beginning|outbreak|onset)?\s*(?:of )?(?:the )?(?:\w+['’]s )?(?:civil )?(?:war|conflict|uprising|crisis|fighting)\b", re.I)


_PAST_RE = re.compile(r"\b(?:last|the previous)\s+(?P<unit>year|month|week|decade)\b"
                      r"|\b(?P<n_ago>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                      r"(?P<unit_ago>year|month|week|decade)s?\s+ago\b"
                      r"|\bin\s+(?P<year>(?:19|20)\d\d)\b", re.I)


_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10}


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


_WEEKDAY_RE = re.compile(r"\b(?:on |late |early |last )?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                         r"|\b(?P<rel>today|yesterday|tonight)\b"
                         r"|\b(?:over|at|during|on) the (?P<weekend>weekend)\b", re.I)  # the weekend: its Sunday


#: "in Saturday's quakes": the day names the incident, not the count's date ("Saturday's report" does date it)
_INCIDENT_DAY = re.compile(r"['’]s\s+(?!(?:\w+\s+)?(?:report|update|figures?|statement|briefing|count|tally|toll|data|"
                           r"bulletin|numbers?|estimate)\b)")


_STARTED_IN = re.compile(
    r"\b(?P<verb>began|begun|started|broke out|erupted|start|began in earnest)\s+in\s+(?P<year>(?:1[89]|20)\d\d)\b", re.I)


def _resolve_md(month: str, day: int, year: int | None, published: date | None) -> date | None:
    mnum = _MONTH_NUM.get(month.lower()[:3])
    if mnum is None:
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            d = date(year, mnum, day)
        except ValueError:
            return None
        if d > published + timedelta(days=31):
            d = date(year - 1, mnum, day)  # "since February 1" written in January means last year's
        return d
    try:
        return date(year, mnum, day)
    except ValueError:
        return None


#: A day named in the clause of one of these verbs is when the figure was stated or counted ...
_STATING = re.compile(r"\b(?:said|says|say|reported|reports|announced|confirmed|told|stated|added|updated|put|puts|gave|"
                      r"rose|risen|climbed|reached|stood|stands|jumped|increased|hit|passed|topped|exceeded|recovered|"
                      r"as of|toll|tally|figure|count|report|missing|rescued)\b", re.I)


_BY_DAY = re.compile(r"\b(?:by|as of|until)\s+(?:late\s+|early\s+)?$", re.I)  # "by Friday the toll had risen"


#: ... unless the day is when the incident itself happened ("the ferry capsized on Thursday").
_HAPPENED = re.compile(r"\b(?:capsized|sank|struck|shook|rocked|jolted|ravaged|devastated|swept|crashed|exploded|erupted|"
                       r"collapsed|occurred|happened|began|started|"
                       r"broke out|hit|went down|overturned|derailed|collided|attacked|stormed|left|departed|took place|"
                       r"since|from|until|till|when|after|before)\b[^,;]{0,60}$", re.I)


def _states_figure(sentence: str, start: int, end: int) -> bool:
    """Whether the day at sentence[start:end] dates a statement of the figure, not the incident."""
    if _HAPPENED.search(sentence[max(0, start - 80):start]) or _INCIDENT_ON.search(sentence, max(0, start - 40), start):
        return False
    if _BY_DAY.search(sentence, max(0, start - 12), start):
        return True
    lo, hi = clause_bounds(sentence, start, end)
    if lo == 0 and start < 30:
        hi = len(sentence)  # "On February 9, 2016, officials said 40 had died": a leading date dates the sentence
    return bool(_STATING.search(sentence, lo, hi))


#: "the number of victims of the missile strike on July 8 increased to 33": the day of the strike, not of the count.
_INCIDENT_ON = re.compile(r"\b(?:strikes?|attacks?|bombings?|blasts?|explosions?|(?:earth)?quakes?|crash|collapse|fires?|"
                          r"floods?|flooding|storm|landslides?|shootings?|shelling|raids?|assault|bombardment|disaster|"
                          r"tragedy|sinking|derailment)\s+(?:that\s+\w+\s+|which\s+\w+\s+)?(?:on|of)\s+(?:the\s+)?$", re.I)


_INCIDENT_NOUN = re.compile(r"\b(?:breach|disaster|tragedy|accident|incident|catastrophe|sinking|derailment|blaze|"
                            r"eruption)\b[^,;.]*$", re.I)


_MODIFIER = re.compile(r"-\w")


_YEAR_INCIDENT = re.compile(r"\b(?:the|a|an|its|this|that)\s+(?P<year>1[89]\d\d|20\d\d)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:earthquakes?|quakes?|tsunamis?|floods?|flooding|storms?|hurricanes?|typhoons?|cyclones?|"
                            r"fires?|wildfires?|attacks?|bombings?|crash|shootings?|eruptions?|disasters?|massacres?|"
                            r"collapse|stampede|crush|sinking|tragedy)\b"
                            r"|\b(?:since|in)\s+(?P<year2>1[89]\d\d|20\d\d),?\s+when\b", re.I)  # "since 1912, when a 7.9 quake hit"


def _old_incident_day(sentence: str, published: date | None) -> date | None:
    """'a truck packed with explosives blew up on October 14, 2017, killing 512 people': an incident dated a year
    or more before the article is another incident, and its figures are of its day, not the article's."""
    if published is None:
        return None
    for y in _YEAR_INCIDENT.finditer(sentence):
        year = int(y.group("year") or y.group("year2"))
        if year < published.year:
            return date(year, 12, 31)  # "the 1912 quake", "a 2015 earthquake": another incident
    for d in _DATE_MD.finditer(sentence):
        if d.group("year"):
            day = _resolve_md(d.group("month"), int(d.group("day")), int(d.group("year")), published)
            if day is not None and (published - day).days > 365:
                return day
    return None


def _past_for(sentence: str, figure: tuple[int, int] | None, others: tuple[tuple[int, int], ...]) -> re.Match | None:
    """'last year', 'two weeks ago' when it dates this figure: the nearest figure takes it ("revised to 85 ... down
    from more than 1,200 about two weeks ago": the weeks date the 1,200 alone)."""
    from factcheck.claims import _INCIDENTS  # the incident patterns live with the claims that name them

    for m in _PAST_RE.finditer(sentence):
        if (m.group("unit") or m.group("unit_ago") or "").lower() in ("week", "month") and (_INCIDENT_NOUN.search(sentence, max(0, m.start() - 80), m.start()) or any(
                p.search(sentence, max(0, m.start() - 80), m.start()) for _, p in _INCIDENTS)):
            continue  # "a dam breach ... last week has risen to 18", "the quake that hit Java last month": the time
            # dates this story's incident, not the toll
        if figure is None:
            return m
        gap = min(abs(m.start() - figure[1]), abs(figure[0] - m.end()))
        if not any(min(abs(m.start() - e), abs(s - m.end())) < gap for s, e in others
                   if (s, e) != figure and not _MODIFIER.match(sentence, e) and "-" not in sentence[s:e]):
            return m  # a "5.9-magnitude" earthquake names the quake; its toll still takes the time
    return None


def _as_of(sentence: str, published: date | None, figure: tuple[int, int] | None = None,
           others: tuple[tuple[int, int], ...] = ()) -> date | None:
    old = _old_incident_day(sentence, published)
    if old is not None:
        return old
    m = next((d for d in _DATE_MD.finditer(sentence) if _states_figure(sentence, d.start(), d.end())), None)
    if m:
        before = sentence[max(0, m.start() - 25):m.start()].lower()
        if not re.search(r"\b(?:since|from|until|till|resume|resumes|scheduled|on or after|began|begun|started|starts|begins|start)\b[^,]*$", before):
            d = _resolve_md(m.group("month"), int(m.group("day")), int(m.group("year")) if m.group("year") else None, published)
            if d is not None:
                return d
    if published is None:
        return None
    m = _past_for(sentence, figure, others)
    if m:
        # "last year", "in 2014", "a month ago": an earlier figure, not today's
        if m.group("year"):
            year = int(m.group("year"))
            if year < published.year and not re.search(r"\b(?:since|from|began|begun|started|broke out|erupted)\s+(?:in\s+)?$",
                                                        sentence[max(0, m.start() - 25):m.start() + 3], re.I):
                return date(year, 12, 31)
        else:
            unit = (m.group("unit") or m.group("unit_ago")).lower()
            days = {"year": 365, "month": 30, "week": 7, "decade": 3650}[unit]
            n = (m.group("n_ago") or "one").lower()
            count = int(n) if n.isdigit() else _SMALL_NUMBERS.get(n, 1)
            return published - timedelta(days=days * count)
    m = next((w for w in _WEEKDAY_RE.finditer(sentence) if _states_figure(sentence, w.start(), w.end())
              and not _INCIDENT_DAY.match(sentence, w.end())), None)
    if not m:
        return None
    if m.group("rel"):
        rel = m.group("rel").lower()
        return published - timedelta(days=1) if rel == "yesterday" else published
    if m.group("weekend"):
        back = (published.weekday() + 1) % 7 or 7  # the last Sunday before the publication day
        return published - timedelta(days=back)
    from dateutil.relativedelta import relativedelta, weekday

    wd = weekday(_WEEKDAYS.index(m.group("day").lower()))
    # news uses a bare weekday for the latest such day up to the publication date
    return (datetime.combine(published, datetime.min.time()) + relativedelta(weekday=wd(-1))).date()


def _since(text: str, published: date | None) -> date | None:
    m = next((m for m in _SINCE.finditer(text) if not _SUPERLATIVE_BEFORE.search(text, max(0, m.start() - 40),
                                                                                   m.start())), None)
    if not m:
        return None
    what = m.group("what").strip()
    if _SINCE_WHOLE.match(what):
        return None  # the whole conflict, not a window
    d = _DATE_MD.search(what)
    if d:
        return _resolve_md(d.group("month"), int(d.group("day")), int(d.group("year")) if d.group("year") else None, published)
    y = re.search(r"\b((?:1[89]|20)\d\d)\b", what)
    if y:
        if re.search(r"\b(?:war|conflict|uprising|crisis)\b[^.]*\b(?:began|started|broke out|erupted)\b", what, re.I):
            return None
        return date(int(y.group(1)), 1, 1)
    m2 = re.match(r"(?:the\s+)?(?:last|past)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", what)
    if m2 and published:
        from dateutil.relativedelta import relativedelta, weekday

        wd = weekday(_WEEKDAYS.index(m2.group("wd").lower()))
        return (datetime.combine(published, datetime.min.time()) + relativedelta(weekday=wd(-1))).date()
    return None


as_of, since = _as_of, _since
