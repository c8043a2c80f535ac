"""Commitments against outcomes: each promise's statements, its outcomes by side, and the status they prove."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .loading import Dataset
from .periods import parse_period
from .units import convert, format_value

STATUSES = ("met", "in progress", "not met by its deadline", "no outcome stated yet", "denounced", "withdrawn")
STATUS_LABELS = {status: status.capitalize() for status in STATUSES}  # as a heading or a sentence starts
# A stated outcome in words, and the status it gives.
_STATED = {"completed": "met", "denounced": "denounced", "withdrawn": "withdrawn"}


@dataclass(frozen=True)
class Verdict:
    """What one side's figures prove of a promise: its status, and how far (a share of the target) they prove."""

    side: str
    status: str
    share: float | None  # the share of the target the latest outcome proves, if measurable
    bound: str  # "", "at least", "at most" or "about": how the share is hedged
    outcome: pd.Series | None  # the outcome figure the verdict rests on
    sentence: str


def promises(data: Dataset, commitment: pd.Series) -> pd.DataFrame:
    """The statements of a promise: the figures of its indicator at its value, or its event's accounts."""
    if isinstance(commitment["indicator"], str):
        o = data.observations
        level = np.isclose(o["value"].to_numpy(dtype=float), float(commitment["value"]))
        picked = o[(o["indicator_id"] == commitment["indicator"]) & level & ~o["derived"]]
        # Where one indicator states both the promise and its outcomes, only its targets are promises.
        same = commitment["indicator"] == commitment["measured_by"]
        picked = picked[picked["kind"] == "target"] if same else picked[picked["kind"] != "forecast"]
        return picked.sort_values("source_published", na_position="last", kind="stable").reset_index(drop=True)
    e = data.events
    return e[e["event_id"] == commitment["event"]].reset_index(drop=True)


def deadline(commitment: pd.Series, promised: pd.DataFrame) -> pd.Timestamp | None:
    """When a promise is due, where a source states it: the period the commitment names as `due` (one of its
    figures' periods), else the end of its targets' periods."""
    if isinstance(commitment["due"], str):
        return pd.Timestamp(parse_period(commitment["due"]).end)
    if "kind" not in promised:
        return None
    targets = promised[(promised["kind"] == "target") & promised["period_end"].notna()]
    return targets["period_end"].max() if len(targets) else None


def outcomes(data: Dataset, commitment: pd.Series, promised: pd.DataFrame) -> pd.DataFrame:
    """The actual figures that measure a promise, from the time it was first made (when that is known)."""
    if not isinstance(commitment["measured_by"], str):
        return data.observations.iloc[0:0]
    o = data.observations
    picked = o[(o["indicator_id"] == commitment["measured_by"]) & (o["kind"] == "actual")]
    # Outcomes from when the promise was first made; for amounts paid in tranches, every tranche counts.
    published = pd.to_datetime(promised.get("source_published"), errors="coerce", format="mixed")
    starts = promised["period_start"] if "period_start" in promised else pd.Series(dtype="datetime64[ns]")
    made = pd.concat([published, starts]).min()  # NaT skipped: an undated page leaves its period to say
    if pd.notna(made) and not commitment["cumulative"]:
        picked = picked[picked["period_end"] >= made]
    return picked.sort_values(["period_end", "source_published"], na_position="first", kind="stable").reset_index(
        drop=True
    )


def target_in_outcome_unit(data: Dataset, commitment: pd.Series) -> float:
    """The promised level in the unit of the figures that measure it (the two indicators' units may differ in scale)."""
    units = dict(zip(data.indicators["indicator_id"], data.indicators["unit"]))
    return convert(float(commitment["value"]), units[commitment["indicator"]], units[commitment["measured_by"]])


def _proof(row: pd.Series, target: float) -> tuple[float, str]:
    """How far one figure proves a target is reached: its share, and the hedge on it.

    "Over $3.2 bn" proves at least 64% of $5 bn; "at most" proves no progress at all beyond its bound.
    """
    share = row["value"] / target
    return share, {"at_least": "at least", "at_most": "at most", "approx": "about"}.get(row["qualifier"], "")


def _summed(side_rows: pd.DataFrame) -> pd.Series:
    """A side's yearly amounts summed, one figure a period (the latest published), as a derived outcome."""
    latest = side_rows.drop_duplicates("period", keep="last")
    parts = " + ".join(f"{p} {d}" for p, d in zip(latest["period_label"], latest["display"]))
    total = float(latest["value"].sum())
    row = latest.iloc[-1].copy()
    exact = (latest["qualifier"] == "exact").all()
    row["value"] = total
    row["qualifier"] = (
        "exact" if exact else "at_least" if latest["qualifier"].isin(["exact", "at_least"]).all() else "approx"
    )
    row["display"] = format_value(total, row["unit"], row["qualifier"])
    row["derived"] = True
    row["arithmetic"] = f"{parts} = {row['display']}"
    row["period_label"] = f"{latest['period_label'].iloc[0]} to {latest['period_label'].iloc[-1]}"
    return row


def _unproven(side: str, due: pd.Timestamp, later: pd.DataFrame) -> Verdict:
    """A side whose figures all come after the deadline: they cannot show whether it was met in time."""
    after = (
        f"; its first later figure: {later['display'].iloc[0]} ({later['period_label'].iloc[0]})" if len(later) else ""
    )
    return Verdict(side, "no outcome stated yet", None, "", None, f"{side}: no figure by {due:%Y}{after}")


def assess(data: Dataset, commitment: pd.Series, today: pd.Timestamp | None = None) -> list[Verdict]:
    """The status of a promise by side, from its outcome figures, or from a source's words where one states it."""
    today = today if today is not None else pd.Timestamp.today()
    promised = promises(data, commitment)
    if isinstance(commitment["outcome"], str):
        stated = data.events[(data.events["event_id"] == commitment["outcome_event"]) & (data.events["account"] == 1)]
        row = stated.iloc[0] if len(stated) else None
        status = _STATED[commitment["outcome"]]
        sentence = f"{STATUS_LABELS[status]}: {row['title']} ({row['date_label']})" if row is not None else status
        return [Verdict("stated in words", status, None, "", row, sentence)]
    found = outcomes(data, commitment, promised)
    due = deadline(commitment, promised)
    if found.empty or not isinstance(commitment["indicator"], str):
        return [Verdict("", "no outcome stated yet", None, "", None, "No outcome stated yet")]
    target = target_in_outcome_unit(data, commitment)
    verdicts = []
    for side, side_rows in found.groupby("side_label", sort=False):
        if due is not None:  # what counts is what was reached by the deadline
            in_time = side_rows[side_rows["period_end"] <= due]
            if in_time.empty:
                verdicts.append(_unproven(side, due, side_rows))
                continue
            side_rows = in_time
        if commitment["cumulative"]:
            latest = _summed(side_rows[~side_rows["derived"]] if (~side_rows["derived"]).any() else side_rows)
            candidates = [latest]
        else:
            # A whole year's figure where the side gives one: part of a year is not the year.
            years = side_rows[(side_rows["period_end"] - side_rows["period_start"]).dt.days >= 360]
            side_rows = years if len(years) else side_rows
            last_end = side_rows["period_end"].max()
            candidates = [r for _, r in side_rows[side_rows["period_end"] == last_end].iterrows()]
        # Of the side's latest accounts, the one that proves most: a side has met a target if it says so once.
        proofs = [(_proof(r, target), r) for r in candidates]
        (share, bound), best = max(proofs, key=lambda p: (p[0][1] != "at most", p[0][0]))
        proved = share >= 1 and bound != "at most"
        if proved:
            status = "met"
        elif due is not None and due < today:
            status = "not met by its deadline"
        else:
            status = "in progress"
        hedge = f"{bound} " if bound else ""
        sentence = f"{side}: {hedge}{share:.0%} of the target ({best['display']}, {best['period_label']})"
        verdicts.append(Verdict(side, status, share, bound, best, sentence))
    return verdicts


def _end(prefix: str, row: pd.Series | None, columns: tuple[str, ...]) -> dict:
    """Some columns of a promise's or an outcome's row, named for the end they belong to."""
    return {f"{prefix}_{c}": None if row is None else row.get(c) for c in columns}


def table(data: Dataset, today: pd.Timestamp | None = None) -> pd.DataFrame:
    """Every commitment and side as a row, with the sources of both ends: the page's table and its CSV."""
    rows = []
    for _, c in data.commitments.iterrows():
        promised = promises(data, c)
        first = promised.iloc[0] if len(promised) else None
        due = deadline(c, promised)
        for v in assess(data, c, today):
            out = v.outcome
            rows.append(
                {
                    "commitment_id": c["commitment_id"],
                    "topic": c["topic"],
                    "title": c["title"],
                    "status": v.status,
                    "side": v.side,
                    "progress": None if v.share is None else round(v.share, 4),
                    "progress_hedge": v.bound or None,
                    "deadline": None if due is None else f"{due:%Y-%m-%d}",
                    "promise_statements": len(promised),
                    **_end("promise", first, ("said_by", "quote", "translation", "publisher")),
                    "promise_published": None if first is None else first.get("source_published"),
                    "promise_source_url": None if first is None else first.get("source_url"),
                    "outcome": None if out is None else out.get("display", out.get("title")),
                    "outcome_period": None if out is None else out.get("period_label", out.get("date_label")),
                    "outcome_derived": None if out is None else bool(out.get("derived", False)),
                    **_end("outcome", out, ("arithmetic", "said_by", "quote", "translation", "publisher")),
                    "outcome_published": None if out is None else out.get("source_published"),
                    "outcome_source_url": None if out is None else out.get("source_url"),
                }
            )
    return pd.DataFrame(rows, columns=TABLE_COLUMNS, dtype=object)


TABLE_COLUMNS = [
    "commitment_id", "topic", "title", "status", "side", "progress", "progress_hedge", "deadline",
    "promise_statements", "promise_said_by", "promise_quote", "promise_translation", "promise_publisher",
    "promise_published", "promise_source_url", "outcome", "outcome_period", "outcome_derived", "outcome_arithmetic",
    "outcome_said_by", "outcome_quote", "outcome_translation", "outcome_publisher", "outcome_published",
    "outcome_source_url",
]  # fmt: skip


def overall(statuses: list[str]) -> str:
    """One status for a commitment: its sides' when they agree, else 'sides disagree'."""
    distinct = list(dict.fromkeys(statuses))
    return distinct[0] if len(distinct) == 1 else "sides disagree"


def summary(data: Dataset, today: pd.Timestamp | None = None) -> dict[str, int]:
    """How many commitments are met, in progress, overdue, without an outcome or denounced (or whose sides differ)."""
    t = table(data, today)
    counts: dict[str, int] = {}
    for _, group in t.groupby("commitment_id", sort=False):
        status = overall(list(group["status"]))
        counts[status] = counts.get(status, 0) + 1
    return counts
