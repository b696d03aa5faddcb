#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own gnome-keyring (Secret Service), so keychain
# tests use a real keychain without touching the user's. Everything lives in a temporary HOME.
set -euo pipefail
if [ "${AUTHSTUDIO_IN_KEYRING:-}" != 1 ]; then
    home=$(mktemp -d)
    trap 'rm -rf "$home"' EXIT
    mkdir -p "$home/run" "$home/data" "$home/config" && chmod 700 "$home/run"
    # No exec: the trap must remove the temporary HOME afterwards.
    HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
        AUTHSTUDIO_IN_KEYRING=1 dbus-run-session -- "$0" "$@"
    exit $?
fi
# Creates and unlocks the "login" keyring with a throwaway password; the daemon forks once it is ready.
eval "$(printf 'authstudio-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
status=0
"$@" || status=$?
# Stop the keyring daemon of this private bus, found by the bus address in its environment (never
# `kill 0`, which would signal this whole process group, CTest and CI with it; never a user's own keyring).
for proc in /proc/[0-9]*; do
    case "$(cat "$proc/comm" 2>/dev/null)" in gnome-keyring*) ;; *) continue ;; esac
    if tr '\0' '\n' < "$proc/environ" 2>/dev/null | grep -qxF "DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS"; then
        kill "${proc#/proc/}" 2>/dev/null || true
    fi
done
exit $status
