"""What each page shows, as pure selections over the loaded tables (no Streamlit here)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .charts import records
from .loading import Dataset

TABLE_COLUMNS = [
    "indicator_id", "label", "period_label", "display", "value", "unit", "qualifier", "kind", "base_label",
    "derived", "arithmetic", "side_label", "said_by", "said_by_side", "according_to", "according_to_side", "quote",
    "translation", "note", "publisher", "source_title", "source_published", "source_url", "source_language",
    "source_accessed", "source_id",
]  # fmt: skip
EVENT_COLUMNS = [
    "event_id", "account", "accounts", "disputed", "other_accounts", "date_label", "title", "category", "status",
    "said_by", "quote", "translation", "note", "publisher", "source_published", "source_url", "source_language",
    "source_accessed",
]  # fmt: skip


def rows(
    data: Dataset,
    *indicator_ids: str,
    derived: bool = True,
    sources: list[str] | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """The observations of the given indicators, stated and (unless told otherwise) derived, in the given order.

    With `years`, only figures whose period reaches into those years, and targets with no year.
    """
    o = data.observations
    picked = o[o["indicator_id"].isin(indicator_ids)]
    if sources is not None:
        picked = picked[picked["source_id"].isin(sources)]
    if years is not None:
        first, last = years
        reaches = (picked["period_end"].dt.year >= first) & (picked["period_start"].dt.year <= last)
        picked = picked[reaches | picked["period"].isna()]
    if not derived:
        picked = picked[~picked["derived"]]
    return picked.reset_index(drop=True)


def table(picked: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs to trace each figure, as shown under a chart and downloaded."""
    return picked[TABLE_COLUMNS].reset_index(drop=True)


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    return events[EVENT_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class Headline:
    label: str
    figure: pd.Series | None  # the row shown
    delta: pd.Series | None = None  # a growth row shown as the metric's delta


def latest(data: Dataset, indicator_id: str, prefer_said_by: str | None = None) -> pd.Series | None:
    """The most recent stated figure of an indicator; among equals, the one with the named speaker first."""
    picked = rows(data, indicator_id, derived=False)
    actual = picked[(picked["kind"] == "actual") & picked["period_end"].notna()]
    picked = actual if len(actual) else picked  # an indicator of targets only shows its target
    if picked.empty:
        return None
    picked = picked.assign(_preferred=picked["said_by"].eq(prefer_said_by) if prefer_said_by else False)
    return picked.sort_values(["period_end", "_preferred"], ascending=False, na_position="last").iloc[0]


def headlines(data: Dataset) -> list[Headline]:
    """The overview's metric cards: the latest figure of each headline indicator."""
    turnover = latest(data, "trade_turnover", prefer_said_by="Vladimir Putin")
    growth = None
    if turnover is not None:
        g = rows(data, "trade_turnover_growth", derived=False)
        g = g[(g["period"] == turnover["period"]) & (g["source_id"] == turnover["source_id"])]
        growth = g.iloc[0] if len(g) else None
    return [
        Headline("Trade turnover", turnover, growth),
        Headline("Payments in national currencies", latest(data, "national_currency_settlement_share")),
        Headline("Companies with Russian participation", latest(data, "companies_with_russian_participation")),
        Headline("Accumulated Russian investment", latest(data, "russian_investment_accumulated")),
        Headline("Remittances from Kyrgyz migrants", latest(data, "remittances")),
        Headline("Kyrgyz students in Russia", latest(data, "kyrgyz_students_in_russia")),
    ]


def trend(data: Dataset, row: pd.Series) -> pd.DataFrame:
    """The full-year figures of a card's indicator by the same side, one a year: the latest published where
    that side gave several. A card's sparkline, and the years and rule its tooltip names."""
    o = rows(data, row["indicator_id"], derived=False)
    yearly = o[(o["kind"] == "actual") & (o["side"] == row["side"]) & o["period"].str.fullmatch(r"\d{4}", na=False)]
    yearly = yearly.sort_values(["period", "source_published"], na_position="first", kind="stable")
    return yearly.drop_duplicates("period", keep="last")[
        ["period", "value", "qualifier", "display", "publisher"]
    ].reset_index(drop=True)


def figure_sentence(row: pd.Series) -> str:
    """One figure in words with its provenance: '$4.1 bn in 2024 (Eurasian Star, Nov 2025; Vladimir Putin)'."""
    who = f"; {row['said_by']}" if isinstance(row.get("said_by"), str) else ""
    return f"{row['display']} in {row['period_label']} ({row['publisher']}, {row['source_published_label']}{who})"


def divergence_groups(data: Dataset) -> list[tuple[str, pd.DataFrame]]:
    """Each divergence as a title and its figures, side by side."""
    out = []
    for _, group in data.divergences.groupby("group", sort=False):
        first = group.iloc[0]
        verdict = "compatible" if first["compatible"] else "not compatible"
        title = f"{first['label']}, {first['period_label']}: spread {first['spread_pct']:.0f}%, {verdict}"
        out.append((title, group.reset_index(drop=True)))
    return out


def recent_events(data: Dataset, count: int = 8) -> pd.DataFrame:
    happened = data.events[data.events["status"] == "happened"]
    return happened.sort_values(["start", "event_id"], ascending=False).head(count).reset_index(drop=True)


TIMELINE_START = 1992
TIMELINE_END = 2025  # the timeline runs 1992–2025; planned events after it are shown on request


def filter_events(
    events: pd.DataFrame, years: tuple[int, int], categories: list[str], future_planned: bool
) -> pd.DataFrame:
    """Events within the years and categories; planned events after 2025 only when asked for."""
    year = events["start"].dt.year
    in_years = year.between(*years)
    later = (year > TIMELINE_END) & (events["status"] == "planned") & future_planned
    return events[(in_years | later) & events["category"].isin(categories)].reset_index(drop=True)


def filter_observations(
    observations: pd.DataFrame,
    topics: list[str] | None = None,
    indicators: list[str] | None = None,
    sources: list[str] | None = None,
    text: str = "",
) -> pd.DataFrame:
    """Observations matching every filter given; text is searched in labels and quotes, ignoring case."""
    o = observations
    keep = pd.Series(True, index=o.index)
    if topics:
        keep &= o["topic"].isin(topics)
    if indicators:
        keep &= o["indicator_id"].isin(indicators)
    if sources:
        keep &= o["source_id"].isin(sources)
    if text.strip():
        needle = text.strip().lower()
        keep &= o["label"].str.lower().str.contains(needle, regex=False) | o["quote"].str.lower().str.contains(
            needle, regex=False
        )
    return o[keep].reset_index(drop=True)


def sources_with_counts(data: Dataset) -> pd.DataFrame:
    """The sources with how many stated figures and events each supports."""
    figures = data.observations[~data.observations["derived"]].groupby("source_id").size().rename("figures")
    events = data.events.groupby("source_id").size().rename("events")
    out = data.sources.join(figures, on="source_id").join(events, on="source_id")
    out[["figures", "events"]] = out[["figures", "events"]].fillna(0).astype(int)
    return out[
        ["publisher", "source_title", "source_published", "source_url", "figures", "events", "source_note", "source_id"]
    ]


def divergence_table(data: Dataset) -> pd.DataFrame:
    """The divergences as the Sources & data page lists them: each figure with its group's spread."""
    return data.divergences[
        ["label", "period_label", "display", "publisher", "said_by", "spread_pct", "compatible", "explanation"]
    ]


def derived_rows(data: Dataset) -> pd.DataFrame:
    o = data.observations
    return o[o["derived"]][["label", "period_label", "base_label", "display", "arithmetic", "inputs", "publisher"]]


def planned_projects(data: Dataset, category: str = "energy") -> pd.DataFrame:
    e = data.events
    return event_table(e[(e["category"] == category) & (e["status"] == "planned")])


# Events that explain the figure series, drawn on their time axes: the 2010 revolution, entry into the
# EAEU, and the move to rubles in mutual settlements in 2022.
MILESTONES = ("april-2010-revolution", "eaeu-entry-into-force-2015", "ruble-settlements-start-2022-rossaprimavera")


def milestones(data: Dataset) -> pd.DataFrame:
    """The milestone events, each by its first account, in the order of MILESTONES."""
    e = data.events
    picked = e[e["event_id"].isin(MILESTONES) & (e["account"] == 1)]
    return picked.set_index("event_id").reindex([m for m in MILESTONES if m in set(picked["event_id"])]).reset_index()


def events_in(data: Dataset, category: str) -> pd.DataFrame:
    """The events of one category, every account, oldest first."""
    e = data.events
    return event_table(e[e["category"] == category].sort_values("start", kind="stable"))


def year_span(data: Dataset) -> tuple[int, int]:
    """The first and last years any dated figure reaches, for a year-range control."""
    o = data.observations
    dated = o[o["period"].notna()]
    if dated.empty:
        return (TIMELINE_START, TIMELINE_END)
    return (int(dated["period_start"].min().year), int(dated["period_end"].max().year))


def dataset_summary(data: Dataset) -> dict[str, object]:
    # Counted and compared column by column: the sidebar shows this on every rerun of every page.
    dated = data.sources[data.sources["source_published"].notna()]
    newest = max(zip(dated["source_published"], dated["source_published_label"]), default=(None, "unknown"))
    return {
        "figures": int((~data.observations["derived"]).sum()),
        "events": data.events["event_id"].nunique(),
        "sources": len(data.sources),
        "newest": newest[1],
    }


def _who(row) -> str:
    return row.said_by if isinstance(row.said_by, str) else row.publisher


_DESCRIBED = ("label", "derived", "kind", "period_end", "period_label", "display", "arithmetic", "said_by", "publisher")


def describe(picked: pd.DataFrame) -> str:
    """One sentence a screen reader or a skimming analyst gets instead of the chart."""
    by_label: dict[str, list] = {}  # the rows of each label, labels in the order they first appear
    for r in records(picked, _DESCRIBED):
        by_label.setdefault(r.label, []).append(r)
    parts = []
    for label, ind in by_label.items():
        stated = [r for r in ind if not r.derived and r.kind == "actual"]
        ends = [r.period_end for r in stated if pd.notna(r.period_end)]
        latest = [r for r in stated if ends and pd.notna(r.period_end) and r.period_end == max(ends)]
        accounts: dict[str, list[str]] = {}
        for r in latest:
            accounts.setdefault(r.display, [])
            if _who(r) not in accounts[r.display]:
                accounts[r.display].append(_who(r))
        if latest:
            figures = "; ".join(f"{d} ({', '.join(w)})" for d, w in accounts.items())
            parts.append(f"{label}, {latest[0].period_label}: {figures}")
        shown: set = set()
        for r in ind:
            if r.derived and r.display not in shown:
                shown.add(r.display)
                parts.append(f"derived {r.display} for {r.period_label} ({r.arithmetic})")
        for r in ind:
            target = f"target {r.display} ({r.period_label}, {_who(r)})"
            if r.kind == "target" and target not in shown:  # one speaker's goal, however often reported
                shown.add(target)
                parts.append(target)
    return ". ".join(parts) + "." if parts else "No figures."


def describe_events(events: pd.DataFrame) -> str:
    if events.empty:
        return "No events."
    first, last = events.iloc[0], events.iloc[-1]
    # An event told by several sources is one event: counted once, whatever its accounts.
    counts = events.drop_duplicates("event_id")["category"].value_counts()
    kinds = ", ".join(f"{n} {c}" for c, n in counts.items())
    return (
        f"{counts.sum()} events from {first['date_label']} ({first['title']}) to {last['date_label']} "
        f"({last['title']}): {kinds}."
    )
