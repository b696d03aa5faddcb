#include "ScriptEngine.h"

#include "ScriptBackendFactory.h"
#include "ScriptPlugin.h"

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
    return engine->evaluateExpression(expression, scope, origin, m_timeoutMs);
}

EvalResult ScriptEngine::runFunctionBody(const QString &code, const Scope &scope, const QString &origin,
                                         int timeoutMs)
{
    QString error;
    ScriptBackend *engine = backend(&error);
    if (!engine)
        return EvalResult::failure(QStringLiteral("%1: %2").arg(origin, error));
    return engine->runFunctionBody(code, scope, origin, timeoutMs < 0 ? m_timeoutMs : timeoutMs);
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
