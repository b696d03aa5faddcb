// ScriptWatchdog: interrupts a QJSEngine from its own thread when a script runs past its deadline. It must
// live on another thread because a runaway script never returns to the event loop.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace AuthStudio {

class ScriptWatchdog
{
public:
    explicit ScriptWatchdog(QJSEngine *engine);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    // Starts watching: the engine is interrupted if disarm() is not called within timeoutMs.
    void arm(int timeoutMs);
    // Stops watching; returns true when the watchdog fired (the caller then clears the interrupt).
    bool disarm();

private:
    void watch();

    QJSEngine *m_engine;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_armed = false;
    bool m_fired = false;
    bool m_stopping = false;
};

} // namespace AuthStudio
