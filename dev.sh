#!/usr/bin/env bash
# Auth Studio's one entry point on a fresh Debian machine: installs the Debian packages that are missing,
# builds, then runs the studio, the tests or the benchmark.
#   ./dev.sh studio [ARGS...]   build and start the studio on the bundled demo workspace
#   ./dev.sh test               build and run every test suite (what CI runs)
#   ./dev.sh bench              build (optimised) and print the benchmark figures
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-qpa-plugins qtkeychain-qt6-dev libgl-dev
    libfontconfig-dev
    xvfb xauth dbus dbus-x11 gnome-keyring
)

install_missing() {
    local missing=()
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local dir=$1 type=$2
    local werror=OFF
    [ -n "${CI:-}" ] && werror=ON # warnings are errors in CI
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DAUTHSTUDIO_WERROR="$werror" >/dev/null
    cmake --build "$dir" -j2
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
studio)
    install_missing
    build build RelWithDebInfo
    exec build/app/authstudio "$@"
    ;;
test)
    install_missing
    build build RelWithDebInfo
    # Suites that need a keychain start their own private D-Bus session and gnome-keyring.
    ctest --test-dir build --output-on-failure -j2 "$@"
    ;;
bench)
    install_missing
    build build-release Release
    exec build-release/tests/bench/authstudio-bench "$@"
    ;;
gui-bench)
    install_missing
    build build-release Release
    # On the offscreen platform (no window system at all), and as a real X11 window under Xvfb, where
    # both programs also pay for connecting to the display, as they do on a desktop.
    QT_QPA_PLATFORM=offscreen build-release/tests/bench/authstudio-gui-bench "$@"
    echo
    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb build-release/tests/bench/authstudio-gui-bench "$@"
    # And as on a desktop, where a session bus runs: without one every Qt program spawns dbus-launch when its
    # accessibility bridge starts, which is not what users see and doesn't weigh the same on both programs.
    echo
    echo "X11 with a D-Bus session bus:"
    xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
        env QT_QPA_PLATFORM=xcb build-release/tests/bench/authstudio-gui-bench --startup-only "$@"
    ;;
*)
    echo "usage: ./dev.sh studio|test|bench|gui-bench" >&2
    exit 2
    ;;
esac
