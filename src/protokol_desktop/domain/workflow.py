"""Timers of steps and of whole services, as pure functions of stored timestamps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

NEAR_SHARE = 0.8  # a step at 80 % of its standard is "mendekati batas"


class TimerState(StrEnum):
    ON_TIME = "tepat"
    NEAR = "mendekati"
    OVER = "lewat"
    NO_STANDARD = "tanpa_standar"

    @property
    def label(self) -> str:
        return {
            TimerState.ON_TIME: "Tepat waktu",
            TimerState.NEAR: "Mendekati batas",
            TimerState.OVER: "Terlambat",
            TimerState.NO_STANDARD: "Tanpa standar",
        }[self]


def timer_state(elapsed_seconds: float, standard_minutes: int | None) -> TimerState:
    if standard_minutes is None:
        return TimerState.NO_STANDARD
    limit = standard_minutes * 60
    if elapsed_seconds > limit:
        return TimerState.OVER
    if elapsed_seconds >= NEAR_SHARE * limit:
        return TimerState.NEAR
    return TimerState.ON_TIME


@dataclass(frozen=True)
class StepTimer:
    started_at: datetime
    ended_at: datetime | None
    paused_seconds: int  # closed pauses
    open_pause_since: datetime | None  # the pause running now, if any
    standard_minutes: int | None

    def elapsed_seconds(self, now: datetime) -> float:
        end = self.ended_at or now
        paused = float(self.paused_seconds)
        if self.open_pause_since is not None:
            paused += max(0.0, (end - self.open_pause_since).total_seconds())
        return max(0.0, (end - self.started_at).total_seconds() - paused)

    def state(self, now: datetime) -> TimerState:
        return timer_state(self.elapsed_seconds(now), self.standard_minutes)

    @property
    def paused(self) -> bool:
        return self.open_pause_since is not None and self.ended_at is None


def format_elapsed(seconds: float) -> str:
    """``4980`` -> ``"1 j 23 m"``; under an hour ``"23 m"``; days ``"2 h 3 j"``."""
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} h {hours} j"
    if hours:
        return f"{hours} j {mins} m"
    return f"{mins} m"
