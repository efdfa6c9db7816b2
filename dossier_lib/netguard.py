"""A switch that forbids network use, so the tests prove every lesson works offline.

Classrooms often have poor or no internet. With ``DOSSIER_OFFLINE=1`` in the
environment, `install_from_env()` makes every socket connection to a
non-loopback address fail at once with a clear Dutch message, instead of
hanging or quietly downloading. Loopback (127.0.0.1, ::1, localhost) stays
open: Jupyter talks to its kernels that way. The tests switch it on in each
kernel through an IPython start-up file (see tests/test_offline_and_out_of_order.py).
"""

from __future__ import annotations

import ipaddress
import os
import socket

ENV_VAR = "DOSSIER_OFFLINE"

#: Every blocked attempt, as "host:port", so a test can also catch code that swallows the error.
attempts: list[str] = []

_original: dict[str, object] = {}


class NetworkBlockedError(ConnectionRefusedError):
    """Raised for a connection to the outside world while the guard is on.

    A subclass of `OSError` (like a real failed connection), so code written to
    cope with being offline keeps working.
    """


def _is_local(host: object) -> bool:
    if not isinstance(host, str):
        return True  # AF_UNIX paths (bytes) and the like never leave the machine
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost: do not even look it up


def _check(sock: socket.socket, address: object) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return
    host = address[0] if isinstance(address, tuple) and address else address
    port = address[1] if isinstance(address, tuple) and len(address) > 1 else "?"
    _refuse_unless_local(host, port)


def _refuse_unless_local(host: object, port: object) -> None:
    if _is_local(host):
        return
    attempts.append(f"{host}:{port}")
    raise NetworkBlockedError(
        f"Geen internet in deze les: verbinding met {host}:{port} geblokkeerd. "
        f"Alles wat de lessen nodig hebben staat al op je computer. "
        f"(Uitzetten: haal {ENV_VAR}=1 weg.)"
    )


def _guarded_connect(self, address):
    _check(self, address)
    return _original["connect"](self, address)


def _guarded_connect_ex(self, address):
    _check(self, address)
    return _original["connect_ex"](self, address)


def _guarded_sendto(self, data, *args):
    _check(self, args[-1])
    return _original["sendto"](self, data, *args)


def _guarded_getaddrinfo(host, port, *args, **kwargs):
    # Looking up a name already goes out to a DNS server; the machine's own name stays allowed.
    if host is not None and host != _original["hostname"]:
        _refuse_unless_local(host.decode() if isinstance(host, bytes) else host, port)
    return _original["getaddrinfo"](host, port, *args, **kwargs)


def install() -> None:
    """Switch the guard on in this process (calling it twice is harmless)."""
    if _original:
        return
    for name, guard in (
        ("connect", _guarded_connect),
        ("connect_ex", _guarded_connect_ex),
        ("sendto", _guarded_sendto),
    ):
        _original[name] = getattr(socket.socket, name)
        setattr(socket.socket, name, guard)
    _original["hostname"] = socket.gethostname()
    _original["getaddrinfo"] = socket.getaddrinfo
    socket.getaddrinfo = _guarded_getaddrinfo


def uninstall() -> None:
    """Switch the guard off again (for tests that switch it on in their own process)."""
    if not _original:
        return
    for name in ("connect", "connect_ex", "sendto"):
        setattr(socket.socket, name, _original[name])
    socket.getaddrinfo = _original["getaddrinfo"]
    _original.clear()


def is_installed() -> bool:
    return bool(_original)


def install_from_env() -> bool:
    """Switch the guard on when ``DOSSIER_OFFLINE=1`` (or yes/true); return whether it is on."""
    if os.environ.get(ENV_VAR, "").strip().lower() in ("1", "yes", "true", "ja"):
        install()
    return is_installed()
