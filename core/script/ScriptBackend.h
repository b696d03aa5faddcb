// ScriptBackend: what runs JavaScript for ScriptEngine: one engine with its globals, compiled functions
// and watchdog. The implementation (JavaScriptEngine, on QJSEngine) is in the authstudio-javascript plugin,
// so a program maps QtQml only when its first script runs (see ScriptEngine).
#pragma once

#include "EvalResult.h"

#include <optional>

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
    // Compiles a step's code without running any of it: why it can't be compiled ("js1: SyntaxError:
    // Unexpected token `;' (line 4)"), or nothing.
    virtual std::optional<QString> syntaxError(const QString &code, const QString &origin) = 0;
    virtual void interrupt() = 0;
    virtual void clearInterrupt() = 0;
};

} // namespace AuthStudio
