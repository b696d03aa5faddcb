#include "ScriptWatchdog.h"

#include <QJSEngine>

namespace AuthStudio {

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine)
    : m_engine(engine)
{ }

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
        m_fired = false;
        if (!m_thread.joinable()) // started lazily: most runs never evaluate JavaScript
            m_thread = std::thread(&ScriptWatchdog::watch, this);
        wake = m_idle || m_deadline < m_waitingUntil;
    }
    if (wake)
        m_wake.notify_all();
}

bool ScriptWatchdog::disarm()
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
        if (std::chrono::steady_clock::now() >= m_deadline) {
            m_fired = true;
            m_armed = false;
            m_engine->setInterrupted(true); // documented as safe to call from any thread
            continue;
        }
        // Wakes at this deadline even if the script finished and another was armed since; the loop then
        // just waits for the newer deadline.
        m_waitingUntil = m_deadline;
        m_wake.wait_until(lock, m_waitingUntil);
    }
}

} // namespace AuthStudio
