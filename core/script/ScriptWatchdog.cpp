#include "ScriptWatchdog.h"

#include <QJSEngine>

namespace AuthStudio {

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine)
    : m_engine(engine)
{
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
    {
        std::lock_guard lock(m_mutex);
        m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        m_armed = true;
        m_fired = false;
        if (!m_thread.joinable()) // started lazily: most runs never evaluate JavaScript
            m_thread = std::thread(&ScriptWatchdog::watch, this);
    }
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
            m_wake.wait(lock);
            continue;
        }
        const auto deadline = m_deadline;
        if (m_wake.wait_until(lock, deadline) == std::cv_status::timeout && m_armed && m_deadline == deadline) {
            m_fired = true;
            m_armed = false;
            m_engine->setInterrupted(true); // documented as safe to call from any thread
        }
    }
}

} // namespace AuthStudio
