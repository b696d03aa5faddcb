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
    // What the watchdog thread is waiting for, so arm() only wakes it when it must (an idle thread, or an
    // earlier deadline): re-arming thousands of times per second then costs a mutex, not a context switch.
    std::chrono::steady_clock::time_point m_waitingUntil;
    bool m_idle = false;
    bool m_armed = false;
    bool m_fired = false;
    bool m_stopping = false;
};

} // namespace AuthStudio
