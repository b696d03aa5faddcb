#include "ScriptStepWorker.h"

#include "RequestBuilder.h"
#include "script/ExpressionEvaluator.h"
#include "script/ScriptEngine.h"

#include <memory>

namespace AuthStudio {

ScriptStepWorker::ScriptStepWorker(QObject *parent)
    : QObject(parent)
{ }

ScriptStepWorker::~ScriptStepWorker()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_running != 0 && m_engine)
            m_engine->interrupt();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

quint64 ScriptStepWorker::run(const QString &code, const Scope &scope, const QString &origin, int timeoutMs,
                              Done done)
{
    return runTask(
        timeoutMs,
        [code, scope, origin](ScriptEngine &engine) { return engine.runFunctionBody(code, scope, origin); },
        std::move(done));
}

quint64 ScriptStepWorker::runTask(int timeoutMs, Task task, Done done)
{
    quint64 ticket = 0;
    {
        const std::lock_guard lock(m_mutex);
        ticket = ++m_lastTicket;
        m_jobs.push_back({ticket, timeoutMs, std::move(task), std::move(done)});
        if (!m_thread.joinable())
            m_thread = std::thread([this] { work(); });
    }
    m_wake.notify_all();
    return ticket;
}

quint64 ScriptStepWorker::buildRequest(const ApiRequestStep &step, const Scope &scope, int timeoutMs,
                                       Built done)
{
    auto built = std::make_shared<PreparedRequest>();
    return runTask(
        timeoutMs,
        [step, scope, built](ScriptEngine &engine) {
            *built = RequestBuilder::build(step, scope, ExpressionEvaluator(&engine));
            return EvalResult();
        },
        [built, done = std::move(done)](quint64 ticket, const EvalResult &) {
            done(ticket, std::move(*built));
        });
}

void ScriptStepWorker::interrupt(quint64 ticket)
{
    // Under the lock, so the interrupt reaches this ticket's script and never a later one: the worker
    // clears any interrupt and names the next ticket under the same lock before that script starts. A
    // script that hasn't started (queued, or waiting for the engine to load) never does.
    const std::lock_guard lock(m_mutex);
    if (ticket == 0)
        return;
    if (ticket == m_running && m_engine)
        m_engine->interrupt();
    else if (ticket == m_preparing)
        m_preparingCancelled = true;
    else
        std::erase_if(m_jobs, [ticket](const Job &job) { return job.ticket == ticket; });
}

std::optional<QList<ConsoleLine>> ScriptStepWorker::interruptAndCollectConsole(quint64 ticket, int waitMs)
{
    std::unique_lock lock(m_mutex);
    if (ticket == 0 || ticket != m_running || !m_engine) {
        lock.unlock();
        interrupt(ticket);
        return std::nullopt;
    }
    m_engine->interrupt();
    if (!m_ended.wait_for(lock, std::chrono::milliseconds(waitMs),
                          [this, ticket] { return m_endedTicket == ticket; }))
        return std::nullopt;
    return m_endedConsole;
}

bool ScriptStepWorker::isRunning(quint64 ticket) const
{
    const std::lock_guard lock(m_mutex);
    return ticket != 0 && ticket == m_running;
}

void ScriptStepWorker::work()
{
    // The engine is made, used and destroyed on this thread, as a QJSEngine must be.
    std::unique_ptr<ScriptEngine> engine;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping)
                break;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_preparing = job.ticket;
        }
        if (!engine) {
            // Loading the JavaScript plugin and making the engine take a while the first time. When it
            // can't be loaded, tasks still run: the engine fails each script with the reason, after the
            // script's own origin, as it would on the owner's thread.
            engine = std::make_unique<ScriptEngine>();
            if (engine->canRunScripts()) {
                const std::lock_guard lock(m_mutex);
                m_engine = engine.get();
            }
        }
        {
            const std::lock_guard lock(m_mutex);
            const bool cancelled = m_preparingCancelled;
            m_preparing = 0;
            m_preparingCancelled = false;
            if (cancelled || m_stopping)
                continue; // the caller has dropped it, or the worker is going away
            engine->clearInterrupt();
            m_running = job.ticket;
        }
        engine->setTimeoutMs(job.timeoutMs);
        const EvalResult result = job.task(*engine);
        {
            const std::lock_guard lock(m_mutex);
            m_running = 0;
            m_endedTicket = job.ticket;
            m_endedConsole = result.console;
        }
        m_ended.notify_all();
        // Back on the owner's thread; dropped when the worker is gone by then.
        QMetaObject::invokeMethod(
            this, [done = std::move(job.done), ticket = job.ticket, result] { done(ticket, result); },
            Qt::QueuedConnection);
    }
    const std::lock_guard lock(m_mutex);
    m_engine = nullptr;
    engine.reset();
}

} // namespace AuthStudio
