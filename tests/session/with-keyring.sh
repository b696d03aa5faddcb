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
"$@"
status=$?
kill "${GNOME_KEYRING_PID:-0}" 2>/dev/null || true
exit $status
