// ScriptStepWorker: runs long JavaScript steps, and steps whose {{ expressions }} run long, on a thread of
// their own (WorkflowRunner hands over a step still running after WorkflowRunner::InlineScriptMs), so that
// a long or runaway script never blocks the thread the workflow runs on (in the studio, the GUI's: the
// window stays responsive), and a cancelled run stops its script at once instead of at the script
// timeout. Each script gets a ticket; its result comes back on the owner's thread, and a caller that
// cancelled a ticket drops what comes back for it. The thread and its script engine are made when the
// first script runs.
#pragma once

#include "script/EvalResult.h"
#include "script/Scope.h"

#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace AuthStudio {

class ScriptEngine;
struct ApiRequestStep;
struct PreparedRequest;

class ScriptStepWorker : public QObject
{
    Q_OBJECT
public:
    explicit ScriptStepWorker(QObject *parent = nullptr);
    // Stops the running script, if any, and waits for the thread.
    ~ScriptStepWorker() override;

    // What a script's result is handed to, with the ticket run() returned for it.
    using Done = std::function<void(quint64 ticket, const EvalResult &result)>;
    // Runs `code` as a function body against `scope` (as ScriptEngine::runFunctionBody does) on the
    // worker thread; `done` is then called on this object's thread with the result.
    quint64 run(const QString &code, const Scope &scope, const QString &origin, int timeoutMs, Done done);
    // Runs `task` with the worker thread's script engine (its timeout `timeoutMs`): the step's expressions,
    // say. Its result goes to `done` as run()'s does; whatever else the task produces it leaves in what it
    // captured, for `done` to read.
    using Task = std::function<EvalResult(ScriptEngine &engine)>;
    quint64 runTask(int timeoutMs, Task task, Done done);
    // Builds `step`'s request against `scope` (RequestBuilder::build) with the worker thread's engine, its
    // scripts stopping after `timeoutMs`; `done` gets it on this object's thread, with the ticket.
    using Built = std::function<void(quint64 ticket, PreparedRequest request)>;
    quint64 buildRequest(const ApiRequestStep &step, const Scope &scope, int timeoutMs, Built done);
    // Stops the script of `ticket` if it is running now; it then fails as stopped. Harmless when it has
    // finished or hasn't started (a queued one is dropped by the caller when its result comes back).
    void interrupt(quint64 ticket);
    // Stops the script of `ticket` as interrupt() does and, when it is running, waits up to `waitMs` for it
    // to end: then the lines it wrote to the console, for the caller that drops its result. Nothing when
    // it wasn't running, or didn't end in time (a script stops at its next instruction; one inside a long
    // native call, a JSON.parse of megabytes, ends later).
    std::optional<QList<ConsoleLine>> interruptAndCollectConsole(quint64 ticket, int waitMs);
    // Whether the script of `ticket` is running now (not queued, not finished).
    bool isRunning(quint64 ticket) const;

private:
    struct Job
    {
        quint64 ticket = 0;
        int timeoutMs = 0;
        Task task;
        Done done;
    };
    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_ended; // a script has ended: m_endedTicket and m_endedConsole say which
    quint64 m_endedTicket = 0;
    QList<ConsoleLine> m_endedConsole;
    std::deque<Job> m_jobs;
    std::thread m_thread;
    ScriptEngine *m_engine = nullptr; // owned by work(); set while it can run scripts, for interrupt()
    quint64 m_running = 0; // the ticket whose script runs now, 0 for none
    quint64 m_preparing = 0; // the ticket taken off the queue, its script not started yet
    bool m_preparingCancelled = false;
    quint64 m_lastTicket = 0;
    bool m_stopping = false;
};

} // namespace AuthStudio
