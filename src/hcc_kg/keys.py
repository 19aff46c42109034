"""Node keys for composite nodes (regimens, approvals), derived from their parts.

>>> regimen_key(["nivolumab", "ipilimumab"])
'regimen__ipilimumab__nivolumab'
>>> is_regimen_key("regimen__ipilimumab__nivolumab"), regimen_components("regimen__ipilimumab__nivolumab")
(True, ['ipilimumab', 'nivolumab'])
"""

from __future__ import annotations

from typing import Iterable

REGIMEN_PREFIX = "regimen__"


def regimen_key(components: Iterable[str]) -> str:
    """The key of the regimen of ``components``: order and repeats do not matter.

    >>> regimen_key(["b", "a", "b"]) == regimen_key(["a", "b"])
    True
    >>> regimen_components(regimen_key(["y", "x"]))
    ['x', 'y']
    """
    parts = sorted(set(components))
    if len(parts) < 2:
        raise ValueError("a regimen has at least two components")
    return REGIMEN_PREFIX + "__".join(parts)


def agent_key(components: Iterable[str]) -> str:
    """The node an arm or agent cell names: the drug itself, or the regimen of several.

    >>> agent_key(["sorafenib", "sorafenib"]), agent_key(["b", "a"])
    ('sorafenib', 'regimen__a__b')
    """
    parts = sorted(set(components))
    if not parts:
        raise ValueError("an agent has at least one component")
    return parts[0] if len(parts) == 1 else regimen_key(parts)


def is_regimen_key(key: str) -> bool:
    """Whether ``key`` names a regimen (made by :func:`regimen_key`)."""
    return key.startswith(REGIMEN_PREFIX)


def regimen_components(key: str) -> list[str]:
    """The component keys of a regimen key, sorted."""
    return key[len(REGIMEN_PREFIX):].split("__")


def regimens_holding(agent: str, keys: list[str]) -> list[str]:
    """The regimen keys among ``keys`` that have ``agent`` as a component (an arm a drug is given in).

    >>> regimens_holding("b", ["regimen__a__b", "b", "regimen__b__c", "c"])
    ['regimen__a__b', 'regimen__b__c']
    """
    return [key for key in keys if is_regimen_key(key) and agent in regimen_components(key)]


def agent_components(key: str) -> tuple[str, ...]:
    """What an agent key is made of: a regimen's components, else the agent itself.

    >>> agent_components("regimen__a__b"), agent_components("sorafenib")
    (('a', 'b'), ('sorafenib',))
    """
    return tuple(regimen_components(key)) if is_regimen_key(key) else (key,)


def derived_key(kind: str, assertion_key: str) -> str:
    """The key of a node that reifies an n-ary assertion (an approval, a criterion)."""
    return f"{kind}__{assertion_key}"


# Trials a source identifies only by what they compare (a table row without a trial name).
COMPARISON_TRIAL_PREFIX = "trial__md"


def comparison_trial_key(agents: Iterable[str]) -> str:
    """The key of a trial known only by its arms' agents, experimental first.

    >>> comparison_trial_key(["regimen__a__b", "sorafenib"])
    'trial__mdregimenabvssorafenib'
    """
    return COMPARISON_TRIAL_PREFIX + "".join(ch for ch in "vs".join(agents).casefold() if ch.isalnum())


def is_comparison_trial(key: str) -> bool:
    """Whether ``key`` names a trial known only by its arms' agents (:func:`comparison_trial_key`)."""
    return key.startswith(COMPARISON_TRIAL_PREFIX)
