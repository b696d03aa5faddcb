#include "ScriptEngine.h"

#include "ScriptBackendFactory.h"
#include "ScriptPlugin.h"

#include <utility>

namespace AuthStudio {

ScriptEngine::ScriptEngine(QObject *parent)
    : QObject(parent)
{ }

ScriptEngine::~ScriptEngine() = default;

ScriptBackend *ScriptEngine::backend(QString *error)
{
    if (!m_backend) {
        if (ScriptBackendFactory *factory = ScriptPlugin::factory(error))
            m_backend = factory->createBackend();
    }
    return m_backend.get();
}

EvalResult ScriptEngine::evaluateExpression(const QString &expression, const Scope &scope,
                                            const QString &origin)
{
    QString error;
    ScriptBackend *engine = backend(&error);
    if (!engine)
        return EvalResult::failure(QStringLiteral("%1: %2").arg(origin, error));
    return noteTimeout(
        engine->evaluateExpression(expression, scope, origin, effectiveTimeoutMs(m_timeoutMs)));
}

EvalResult ScriptEngine::runFunctionBody(const QString &code, const Scope &scope, const QString &origin,
                                         int timeoutMs)
{
    QString error;
    ScriptBackend *engine = backend(&error);
    if (!engine)
        return EvalResult::failure(QStringLiteral("%1: %2").arg(origin, error));
    return noteTimeout(engine->runFunctionBody(code, scope, origin,
                                               effectiveTimeoutMs(timeoutMs < 0 ? m_timeoutMs : timeoutMs)));
}

bool ScriptEngine::tryWithin(int ms, const std::function<void()> &attempt)
{
    const bool limited = m_timeoutMs > ms;
    if (limited)
        m_deadline = QDeadlineTimer(ms);
    m_timedOut = false;
    attempt();
    m_deadline = QDeadlineTimer(QDeadlineTimer::Forever);
    return !(limited && std::exchange(m_timedOut, false));
}

int ScriptEngine::effectiveTimeoutMs(int timeoutMs) const
{
    if (m_deadline.isForever() || timeoutMs <= 0)
        return timeoutMs;
    // At least a millisecond: a timeout of 0 would mean none to the watchdog.
    return int(qBound(qint64(1), m_deadline.remainingTime(), qint64(timeoutMs)));
}

EvalResult ScriptEngine::noteTimeout(EvalResult result)
{
    m_timedOut = m_timedOut || result.timedOut;
    return result;
}

void ScriptEngine::interrupt()
{
    if (m_backend)
        m_backend->interrupt();
}

void ScriptEngine::clearInterrupt()
{
    if (m_backend)
        m_backend->clearInterrupt();
}

bool ScriptEngine::canRunScripts(QString *why)
{
    QString error;
    const bool loaded = backend(&error) != nullptr;
    if (why)
        *why = error;
    return loaded;
}

std::optional<QString> ScriptEngine::syntaxError(const QString &code, const QString &origin)
{
    QString error;
    ScriptBackend *engine = backend(&error);
    return engine ? engine->syntaxError(code, origin) : std::nullopt;
}

} // namespace AuthStudio
