#include "ScriptWatchdog.h"

#include <QJSEngine>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cstdio>
#include <unistd.h>
#endif

namespace AuthStudio {

namespace {

// How often memory is looked at while a script runs: an endless loop adding to an array takes about
// 100 MB in 50 ms on this machine, so a script is stopped a little past the limit.
constexpr std::chrono::milliseconds MemoryCheckInterval(50);

} // namespace

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine, qint64 memoryLimitBytes)
    : m_engine(engine)
    , m_memoryLimit(residentBytes() < 0 ? 0 : memoryLimitBytes)
{ }

qint64 ScriptWatchdog::residentBytes()
{
#ifdef Q_OS_LINUX
    // statm's second field: resident pages. Read with stdio, not QFile: this runs on the watchdog's own
    // thread, twenty times a second while a script runs, and needs nothing more.
    std::FILE *file = std::fopen("/proc/self/statm", "r");
    if (!file)
        return -1;
    long long size = 0;
    long long resident = -1;
    const int read = std::fscanf(file, "%lld %lld", &size, &resident);
    std::fclose(file);
    if (read != 2 || resident < 0)
        return -1;
    return resident * sysconf(_SC_PAGESIZE);
#else
    return -1;
#endif
}

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ScriptWatchdog::arm(int timeoutMs)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        m_armed = true;
        m_fired = Stop::None;
        ++m_arming;
        if (!m_thread.joinable()) // started lazily: most runs never evaluate JavaScript
            m_thread = std::thread(&ScriptWatchdog::watch, this);
        wake = m_idle || m_deadline < m_waitingUntil;
    }
    if (wake)
        m_wake.notify_all();
}

ScriptWatchdog::Stop ScriptWatchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    m_armed = false;
    return m_fired;
}

void ScriptWatchdog::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (!m_armed) {
            m_idle = true;
            m_wake.wait(lock);
            m_idle = false;
            continue;
        }
        const auto now = std::chrono::steady_clock::now();
        const auto stop = [this](Stop why) {
            m_fired = why;
            m_armed = false;
            m_engine->setInterrupted(true); // documented as safe to call from any thread
        };
        if (now >= m_deadline) {
            stop(Stop::Timeout);
            continue;
        }
        m_waitingUntil = m_deadline;
        if (m_memoryLimit > 0) {
            const qint64 resident = residentBytes();
            if (m_measuredArming != m_arming) {
                m_measuredArming = m_arming;
                m_residentAtArming = resident;
            } else if (resident - m_residentAtArming > m_memoryLimit) {
                stop(Stop::Memory);
                continue;
            }
            m_waitingUntil = std::min(m_deadline, now + MemoryCheckInterval);
        }
        // Wakes at this time even if the script finished and another was armed since; the loop then just
        // waits for the newer deadline.
        m_wake.wait_until(lock, m_waitingUntil);
    }
}

} // namespace AuthStudio
