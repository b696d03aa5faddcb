// ScriptWatchdog: interrupts a QJSEngine from its own thread when a script runs past its deadline, or takes
// more memory than a script may. It must live on another thread because a runaway script never returns to
// the event loop.
#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace AuthStudio {

class ScriptWatchdog
{
public:
    // Why the watchdog interrupted the engine, if it did.
    enum class Stop { None, Timeout, Memory };

    // memoryLimitBytes: how much the process may grow while one script runs (0: no limit).
    ScriptWatchdog(QJSEngine *engine, qint64 memoryLimitBytes);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    // Starts watching: the engine is interrupted if disarm() is not called within timeoutMs, or when the
    // process grows by more than the memory limit meanwhile.
    void arm(int timeoutMs);
    // Stops watching; says whether and why the watchdog fired (the caller then clears the interrupt).
    Stop disarm();

    qint64 memoryLimitBytes() const { return m_memoryLimit; }

    // The process's resident memory in bytes; -1 where it can't be read (outside Linux).
    static qint64 residentBytes();

private:
    void watch();

    QJSEngine *m_engine;
    const qint64 m_memoryLimit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    std::chrono::steady_clock::time_point m_deadline;
    // What the watchdog thread is waiting for, so arm() only wakes it when it must (an idle thread, or an
    // earlier deadline): re-arming thousands of times per second then costs a mutex, not a context switch.
    std::chrono::steady_clock::time_point m_waitingUntil;
    bool m_idle = false;
    bool m_armed = false;
    Stop m_fired = Stop::None;
    bool m_stopping = false;
    // Memory is measured against what the process held when the watchdog first looked at this arming (an
    // arm() counts one up), so other scripts' and the window's memory don't count against a script.
    quint64 m_arming = 0;
    quint64 m_measuredArming = 0;
    qint64 m_residentAtArming = 0;
};

} // namespace AuthStudio
