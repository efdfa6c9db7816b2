"""Great-circle distances (dossier_lib.geo), checked against values worked out by hand."""

import math

import pytest

from dossier_lib import geo


def test_quarter_meridian_is_a_quarter_of_the_circumference():
    assert geo.haversine_km(0, 0, 90, 0) == pytest.approx(math.pi * geo.EARTH_RADIUS_KM / 2)


def test_same_point_is_zero_and_order_does_not_matter():
    assert geo.haversine_km(39.02, 125.75, 39.02, 125.75) == 0
    assert geo.haversine_km(1.29, 103.85, 43.12, 131.89) == pytest.approx(geo.haversine_km(43.12, 131.89, 1.29, 103.85))


def test_one_degree_of_longitude_on_the_equator():
    assert geo.haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)


def test_antipodes_are_half_the_circumference():
    assert geo.haversine_km(10, 20, -10, -160) == pytest.approx(math.pi * geo.EARTH_RADIUS_KM)


def test_summit_distances_from_pyongyang():
    assert round(geo.distance_km("pyongyang", "singapore")) == 4749
    assert round(geo.distance_km("pyongyang", "vladivostok")) == 687
    assert round(geo.distance_km("pyongyang", "hanoi")) == 2757
    assert geo.distance_km("Pyongyang", " hanoi ") == geo.distance_km("pyongyang", "hanoi")


def test_distances_from_sorts_farthest_first_and_skips_the_origin():
    rows = geo.distances_from("pyongyang", ["vladivostok", "pyongyang", "singapore", "hanoi"])
    assert [r[0] for r in rows] == ["singapore", "hanoi", "vladivostok"]
    assert rows[0][1] == "Singapore"


@pytest.mark.parametrize("bad", ["atlantis", "", None, 42])
def test_unknown_place_gives_a_dutch_message(bad):
    with pytest.raises(ValueError) as err:
        geo.distance_km("pyongyang", bad)
    assert "plaats" in str(err.value) or "ken ik niet" in str(err.value)


@pytest.mark.parametrize(
    "args", [(91, 0, 0, 0), (0, 181, 0, 0), (float("nan"), 0, 0, 0), ("1", 0, 0, 0), (True, 0, 0, 0)]
)
def test_impossible_coordinates_are_refused(args):
    with pytest.raises(ValueError):
        geo.haversine_km(*args)
