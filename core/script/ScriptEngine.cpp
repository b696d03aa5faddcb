#include "ScriptEngine.h"

#include "AuthLibrary.h"
#include "Scope.h"
#include "ScriptWatchdog.h"

#include <QJsonObject>

namespace AuthStudio {

namespace {

// btoa/atob on top of the auth library. Kept in JavaScript so they behave like the browser functions
// people know (throwing on bad input).
const char *const Prelude = R"JS(
(function (g) {
    g.btoa = function (s) { return g.auth.base64Encode(String(s)); };
    g.atob = function (s) { return g.auth.base64Decode(String(s)); };
})(this);
)JS";

} // namespace

ScriptEngine::ScriptEngine(QObject *parent)
    : QObject(parent)
    , m_library(new AuthLibrary(&m_engine, this))
    , m_watchdog(std::make_unique<ScriptWatchdog>(&m_engine))
{
    QJSValue global = m_engine.globalObject();
    QJSValue library = m_engine.newQObject(m_library);
    QJSEngine::setObjectOwnership(m_library, QJSEngine::CppOwnership);
    global.setProperty(QStringLiteral("auth"), library);
    m_engine.evaluate(QString::fromLatin1(Prelude), QStringLiteral("prelude"));
    // Globals that are QJSEngine conveniences, not ECMAScript; scripts should not depend on them.
    global.deleteProperty(QStringLiteral("print"));
    global.deleteProperty(QStringLiteral("gc"));
}

ScriptEngine::~ScriptEngine()
{
    m_watchdog.reset(); // stop the watchdog thread before the engine goes
}

namespace {

// Source that can reach a global without writing its name.
bool usesDynamicGlobals(const QString &source)
{
    return source.contains(QLatin1String("globalThis")) || source.contains(QLatin1String("this")) ||
        source.contains(QLatin1String("eval")) || source.contains(QLatin1String("Function"));
}

bool mentions(const QString &source, const QString &name)
{
    for (qsizetype at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
        const auto identifierChar = [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$'; };
        const bool startsWord = at == 0 || !identifierChar(source.at(at - 1));
        const qsizetype end = at + name.size();
        const bool endsWord = end >= source.size() || !identifierChar(source.at(end));
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

} // namespace

void ScriptEngine::installScope(const Scope &scope, const QString &source)
{
    const bool everything = usesDynamicGlobals(source);
    QJSValue global = m_engine.globalObject();
    // Drop globals of names that this scope does not have (a previous run's steps).
    for (auto it = m_installed.begin(); it != m_installed.end();) {
        if (!scope.contains(it.key())) {
            global.deleteProperty(it.key());
            it = m_installed.erase(it);
        } else {
            ++it;
        }
    }
    const QJsonObject &values = scope.values();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const quint64 revision = scope.revision(it.key());
        auto installed = m_installed.find(it.key());
        if (installed != m_installed.end() && installed.value() == revision)
            continue;
        if (!everything && !mentions(source, it.key())) {
            if (installed != m_installed.end()) { // an older value must not be seen
                global.deleteProperty(it.key());
                m_installed.erase(installed);
            }
            continue;
        }
        global.setProperty(it.key(), m_engine.toScriptValue(QJsonValue(it.value()))); // converts natively
        m_installed.insert(it.key(), revision);
    }
}

EvalResult ScriptEngine::evaluateExpression(const QString &expression, const Scope &scope,
                                            const QString &origin)
{
    installScope(scope, expression);
    // Parenthesised so an object literal is an expression, on one line so error lines match the source.
    return call(QStringLiteral("(function () { return (") + expression + QStringLiteral("\n); })"), origin);
}

EvalResult ScriptEngine::runFunctionBody(const QString &code, const Scope &scope, const QString &origin)
{
    installScope(scope, code);
    return call(QStringLiteral("(function () { \"use strict\"; ") + code + QStringLiteral("\n})"), origin);
}

EvalResult ScriptEngine::call(const QString &functionSource, const QString &origin)
{
    // Compiling is most of the cost of a small expression; the same fields run on every query.
    QJSValue function = m_compiled.value(functionSource);
    if (!function.isCallable()) {
        function = m_engine.evaluate(functionSource, origin, 1);
        if (function.isError())
            return EvalResult::failure(formatError(function, origin));
        if (m_compiled.size() > 2048)
            m_compiled.clear();
        m_compiled.insert(functionSource, function);
    }
    m_watchdog->arm(m_timeoutMs);
    const QJSValue result = function.call();
    const bool timedOut = m_watchdog->disarm();
    if (timedOut || m_engine.isInterrupted()) {
        m_engine.setInterrupted(false);
        return EvalResult::failure(
            QStringLiteral("%1: the script was stopped after running for %2 s (the script "
                           "timeout); look for an endless loop")
                .arg(origin)
                .arg(m_timeoutMs / 1000.0));
    }
    if (result.isError())
        return EvalResult::failure(formatError(result, origin));
    return {toJson(result), {}};
}

QJsonValue ScriptEngine::toJson(const QJSValue &value)
{
    if (value.isUndefined() || value.isCallable())
        return QJsonValue(QJsonValue::Null);
    return m_engine.fromScriptValue<QJsonValue>(value);
}

QString ScriptEngine::formatError(const QJSValue &error, const QString &origin) const
{
    const QString name = error.property(QStringLiteral("name")).toString();
    const QString message = error.property(QStringLiteral("message")).toString();
    const int line = error.property(QStringLiteral("lineNumber")).toInt();
    QString text = QStringLiteral("%1: %2: %3").arg(origin, name, message);
    if (line > 0)
        text += QStringLiteral(" (line %1)").arg(line);
    return text;
}

} // namespace AuthStudio
