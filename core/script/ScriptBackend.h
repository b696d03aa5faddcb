// ScriptBackend: what runs JavaScript for ScriptEngine: one engine with its globals, compiled functions
// and watchdog. The implementation (JavaScriptEngine, on QJSEngine) is in the authstudio-javascript plugin,
// so a program maps QtQml only when its first script runs (see ScriptEngine).
#pragma once

#include "EvalResult.h"

namespace AuthStudio {

class Scope;

class ScriptBackend
{
public:
    virtual ~ScriptBackend() = default;

    // As ScriptEngine's functions of the same names; a script running past timeoutMs is stopped.
    virtual EvalResult evaluateExpression(const QString &expression, const Scope &scope,
                                          const QString &origin, int timeoutMs) = 0;
    virtual EvalResult runFunctionBody(const QString &code, const Scope &scope, const QString &origin,
                                       int timeoutMs) = 0;
    // From any thread: stops the script running now, which then fails as stopped (not timed out). The
    // interrupt stays until clearInterrupt(), which the thread running scripts calls before the next one.
    virtual void interrupt() = 0;
    virtual void clearInterrupt() = 0;
};

} // namespace AuthStudio
