"""Distances on the globe between places of the knowledge base (lesson 09: the summits on a map).

A flat map makes distances hard to compare, so the lessons compute them:
the great-circle (haversine) distance is the shortest way over the earth's surface,
the way a plane flies. Coordinates come from ``dossier_lib/data/kb.yaml`` (lat, lon).

    >>> round(distance_km("pyongyang", "vladivostok"))
    687
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

#: Mean radius of the earth in kilometres (the usual value for the haversine formula).
EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (north and east positive)."""
    for name, value, limit in (("lat1", lat1, 90), ("lon1", lon1, 180), ("lat2", lat2, 90), ("lon2", lon2, 180)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} moet een getal zijn (graden), niet {value!r}.")
        if abs(value) > limit:
            raise ValueError(f"{name} = {value} kan niet: dit getal ligt tussen -{limit} en {limit} graden.")
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Place:
    """A place from the knowledge base with its Dutch name and coordinates."""

    id: str
    name: str
    lat: float
    lon: float


def place(place_id: str) -> Place:
    """The knowledge-base place `place_id` ("hanoi"); a Dutch ValueError when it is unknown or has no coordinates."""
    from .annotate.kb import current_kb
    from .arguments import place_arg

    key = place_arg(place_id)  # also "Moskou" for "moscow"; a Dutch message with the nearest place otherwise
    entry = current_kb().get(key)
    return Place(key, entry.label_nl, float(entry.lat), float(entry.lon))


def distance_km(a: str, b: str) -> float:
    """Great-circle distance in km between two knowledge-base places, e.g. ("pyongyang", "hanoi")."""
    pa, pb = place(a), place(b)
    return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)


def distances_from(origin: str, places: Iterable[str]) -> list[tuple[str, str, float]]:
    """(id, Dutch name, km) from `origin` to each place, farthest first; `origin` itself is left out."""
    start = place(origin)
    rows = []
    for pid in places:
        p = place(pid)
        if p.id == start.id:
            continue
        rows.append((p.id, p.name, haversine_km(start.lat, start.lon, p.lat, p.lon)))
    return sorted(rows, key=lambda r: (-r[2], r[0]))
